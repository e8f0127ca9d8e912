namespace Bot.Domain.Classification.Features;

// The lexicon's terms as a trie over normalised characters, so matching a message costs a few reads
// per character however many terms there are. It is built once, then kept in flat arrays (a node's
// children, and the concepts whose terms end at it, are each one slice of a shared array), because
// matching runs beside the dictionary lookups of every message and must not chase pointers:
// - the root's children sit in an array indexed by character;
// - every other node's children are a slice of childChars, searched with a vectorised IndexOf;
// - every term has two characters at least, and a bit per hashed pair of first characters (8 KB,
//   so it stays in the cache) turns most positions of a message away before the trie is touched.
sealed class TermTrie
{
    readonly ulong[] firstPairs = new ulong[1024];
    readonly int[] fromRoot = new int[char.MaxValue + 1];
    readonly Node[] nodes;     // one more than there are, so that nodes[n + 1] ends node n's slices
    readonly char[] childChars;
    readonly int[] childNodes;
    readonly int[] plainEnds;  // concepts whose term ends at a node
    readonly int[] wordEnds;   // concepts whose Latin term ends at a node, an English ending allowed

    // Where a node's slices start; read together, so they share a cache line.
    readonly record struct Node(int FirstChild, int FirstPlain, int FirstWord, int Depth);

    public TermTrie(IEnumerable<(string Key, bool WordEnding, int Concept)> terms)
    {
        var edges = new Dictionary<(int Node, char Char), int>();
        var plain = new List<SortedSet<int>> { new() };
        var word = new List<SortedSet<int>> { new() };
        var depths = new List<int> { 0 };
        var hitsOnPath = new List<int> { 0 };
        foreach (var (key, wordEnding, concept) in terms)
        {
            var pair = PairBit(key[0], key[1]);
            firstPairs[pair >> 6] |= 1UL << pair;
            var node = 0;
            foreach (var c in key)
            {
                if (!edges.TryGetValue((node, c), out var child))
                {
                    child = plain.Count;
                    edges.Add((node, c), child);
                    plain.Add([]);
                    word.Add([]);
                    depths.Add(depths[node] + 1);
                    hitsOnPath.Add(0);
                }
                node = child;
            }
            (wordEnding ? word : plain)[node].Add(concept);
        }

        var sorted = edges.OrderBy(e => e.Key).ToArray(); // by node, then character
        childChars = sorted.Select(e => e.Key.Char).ToArray();
        childNodes = sorted.Select(e => e.Value).ToArray();
        var firstChild = new int[plain.Count + 1];
        var next = 0;
        for (var j = 0; j < sorted.Length; j++)
        {
            var ((parent, c), child) = sorted[j];
            if (parent == 0) fromRoot[c] = child;
            // A child is always created after its parent, so its parent's count is already final.
            hitsOnPath[child] = hitsOnPath[parent] + plain[child].Count + word[child].Count;
            while (next <= parent) firstChild[next++] = j;
        }
        while (next <= plain.Count) firstChild[next++] = sorted.Length;
        var (firstPlain, plainItems) = Flatten(plain);
        var (firstWord, wordItems) = Flatten(word);
        (plainEnds, wordEnds) = (plainItems, wordItems);
        nodes = Enumerable.Range(0, plain.Count + 1)
            .Select(n => new Node(firstChild[n], firstPlain[n], firstWord[n], n < depths.Count ? depths[n] : 0)).ToArray();
        MostHitsPerStart = hitsOnPath.Max();
    }

    // Hits from one starting position never exceed this.
    public int MostHitsPerStart { get; }

    public int Match(ReadOnlySpan<char> normalised, Span<int> hits)
    {
        var count = 0;
        for (var start = 0; start + 1 < normalised.Length; start++)
        {
            var pair = PairBit(normalised[start], normalised[start + 1]);
            if ((firstPairs[pair >> 6] & 1UL << pair) == 0) continue;
            for (int i = start, node = fromRoot[normalised[start]]; node != 0; node = Child(node, normalised, ++i))
            {
                var (here, after) = (nodes[node], nodes[node + 1]);
                for (var h = here.FirstPlain; h < after.FirstPlain; h++) hits[count++] = plainEnds[h];
                if (here.FirstWord < after.FirstWord && HasEnglishEnding(normalised[(i + 1)..], here.Depth))
                    for (var h = here.FirstWord; h < after.FirstWord; h++) hits[count++] = wordEnds[h];
            }
        }
        return count;
    }

    int Child(int node, ReadOnlySpan<char> text, int at)
    {
        if (at >= text.Length) return 0;
        var first = nodes[node].FirstChild;
        var found = childChars.AsSpan(first, nodes[node + 1].FirstChild - first).IndexOf(text[at]);
        return found < 0 ? 0 : childNodes[first + found];
    }

    static (int[] First, int[] Items) Flatten(List<SortedSet<int>> perNode)
    {
        var first = new int[perNode.Count + 1];
        for (var node = 0; node < perNode.Count; node++) first[node + 1] = first[node] + perNode[node].Count;
        return (first, perNode.SelectMany(s => s).ToArray());
    }

    static int PairBit(char first, char second) => (first * 40503 + second) & 0xFFFF;

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
