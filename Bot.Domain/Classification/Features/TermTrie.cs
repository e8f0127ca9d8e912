namespace Bot.Domain.Classification.Features;

// The lexicon's terms as a trie over normalised characters, so matching a message costs about one
// hash lookup per character however many terms there are. Edges live in one dictionary keyed by
// (node, character), except the root's, which an array indexed by character holds. Every term has
// two characters at least, and a bit per hashed pair of first characters (8 KB, so it stays in the
// cache) turns most positions of a message away before the trie is touched.
sealed class TermTrie
{
    readonly Dictionary<long, int> edges = [];
    readonly int[] fromRoot = new int[char.MaxValue + 1];
    readonly ulong[] firstPairs = new ulong[1024];
    readonly List<int[]> plain = [[]];      // per node: concepts whose term ends here
    readonly List<int[]> wordEnds = [[]];   // per node: concepts whose Latin term ends here, an English ending allowed
    readonly List<int> depth = [0];
    readonly List<int> hitsOnPath = [0];    // terms ending on the way from the root, this node included

    public TermTrie(IEnumerable<(string Key, bool WordEnding, int Concept)> terms)
    {
        foreach (var (key, wordEnding, concept) in terms) Add(key, wordEnding, concept);
        var parents = edges.ToDictionary(e => e.Value, e => (int)(e.Key >> 16));
        for (var node = 1; node < plain.Count; node++) // a child is always created after its parent
            hitsOnPath[node] = hitsOnPath[parents[node]] + plain[node].Length + wordEnds[node].Length;
        MostHitsPerStart = hitsOnPath.Max();
        foreach (var (edge, child) in edges)
            if (edge >> 16 == 0) fromRoot[(char)edge] = child;
    }

    // Hits from one starting position never exceed this.
    public int MostHitsPerStart { get; }

    void Add(string key, bool wordEnding, int concept)
    {
        var pair = PairBit(key[0], key[1]);
        firstPairs[pair >> 6] |= 1UL << pair;
        var node = 0;
        foreach (var c in key)
        {
            if (!edges.TryGetValue(Edge(node, c), out var child))
            {
                child = plain.Count;
                edges.Add(Edge(node, c), child);
                plain.Add([]);
                wordEnds.Add([]);
                depth.Add(depth[node] + 1);
                hitsOnPath.Add(0);
            }
            node = child;
        }
        var ends = wordEnding ? wordEnds : plain;
        if (!ends[node].Contains(concept)) ends[node] = [.. ends[node], concept];
    }

    public int Match(ReadOnlySpan<char> normalised, Span<int> hits)
    {
        var count = 0;
        for (var start = 0; start + 1 < normalised.Length; start++)
        {
            var pair = PairBit(normalised[start], normalised[start + 1]);
            if ((firstPairs[pair >> 6] & 1UL << pair) == 0) continue;
            var node = fromRoot[normalised[start]];
            for (var i = start; node != 0; node = Child(node, normalised, ++i))
            {
                foreach (var concept in plain[node]) hits[count++] = concept;
                if (wordEnds[node].Length > 0 && HasEnglishEnding(normalised[(i + 1)..], depth[node]))
                    foreach (var concept in wordEnds[node]) hits[count++] = concept;
            }
        }
        return count;
    }

    int Child(int node, ReadOnlySpan<char> text, int at) =>
        at < text.Length && edges.TryGetValue(Edge(node, text[at]), out var child) ? child : 0;

    static int PairBit(char first, char second) => (first * 40503 + second) & 0xFFFF;

    static long Edge(int node, char c) => (long)node << 16 | c;

    static readonly string[] Endings = ["s", "es", "ed", "d", "ing", "er", "ers", "y", "ies"];

    // `after` starts right behind the term's last letter; `keyLength` counts the word-start marker.
    static bool HasEnglishEnding(ReadOnlySpan<char> after, int keyLength)
    {
        var end = after.IndexOf(TextNormaliser.WordEnd);
        if (end < 0) return false;
        var ending = after[..end];
        if (ending.IsEmpty) return true;
        // Words of five letters or more take any ending up to three letters ("pension" → "pensioner").
        if (keyLength > 5 && ending.Length <= 3) return true;
        foreach (var known in Endings)
            if (ending.SequenceEqual(known)) return true;
        return false;
    }
}
