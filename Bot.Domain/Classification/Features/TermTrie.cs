using System.Numerics;

namespace Bot.Domain.Classification.Features;

// The lexicon's terms as a trie over normalised characters, so matching a message costs a few reads
// per character however many terms there are. It is built once, then kept in flat arrays (a node's
// children, and the concepts whose terms end at it, are each one slice of a shared array), because
// matching runs beside the dictionary lookups of every message and must not chase pointers:
// - every term has two characters at least, and a bit per hashed pair of first characters (8 KB,
//   so it stays in the cache) turns most positions of a message away before the trie is touched;
// - a position that passes goes straight to the node of its first two characters through a small
//   hash table (the root's children would be an array of 65,536 and a search among their children);
// - every other node's children are a slice of childChars, mostly one or two characters long.
sealed class TermTrie
{
    readonly ulong[] firstPairs = new ulong[1024];
    readonly PairSlot[] pairSlots;
    readonly int pairShift;
    readonly Node[] nodes;     // one more than there are, so that nodes[n + 1] ends node n's slices
    readonly char[] childChars;
    readonly int[] childNodes;
    readonly int[] plainEnds;  // concepts whose term ends at a node
    readonly int[] wordEnds;   // concepts whose Latin term ends at a node, an English ending allowed

    // Where a node's slices start; read together, so they share a cache line.
    readonly record struct Node(int FirstChild, int FirstPlain, int FirstWord, int Depth);

    // A node two characters from the root, keyed by those characters; key 0 marks an empty slot.
    readonly record struct PairSlot(uint Pair, int Node);

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
        (pairSlots, pairShift) = PairTable(edges, depths);
    }

    // Open addressing, never more than half full, so a probe seldom goes past its first slot.
    static (PairSlot[] Slots, int Shift) PairTable(Dictionary<(int Node, char Char), int> edges, List<int> depths)
    {
        var fromRoot = edges.Where(e => e.Key.Node == 0).ToDictionary(e => e.Value, e => e.Key.Char);
        var pairs = edges.Where(e => depths[e.Value] == 2)
            .Select(e => (Pair: (uint)fromRoot[e.Key.Node] << 16 | e.Key.Char, Node: e.Value)).ToArray();
        var bits = Math.Max(4, BitOperations.Log2((uint)Math.Max(pairs.Length, 1)) + 2);
        var slots = new PairSlot[1 << bits];
        foreach (var (pair, node) in pairs)
        {
            var at = (int)(pair * 0x9E3779B9U >> (32 - bits));
            while (slots[at].Pair != 0) at = (at + 1) & (slots.Length - 1);
            slots[at] = new PairSlot(pair, node);
        }
        return (slots, 32 - bits);
    }

    int NodeOfPair(char first, char second)
    {
        var pair = (uint)first << 16 | second;
        for (var at = (int)(pair * 0x9E3779B9U >> pairShift); ; at = (at + 1) & (pairSlots.Length - 1))
        {
            var slot = pairSlots[at];
            if (slot.Pair == pair) return slot.Node;
            if (slot.Pair == 0) return 0;
        }
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
            for (int i = start + 1, node = NodeOfPair(normalised[start], normalised[start + 1]); node != 0; node = Child(node, normalised, ++i))
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
        var (first, end, c) = (nodes[node].FirstChild, nodes[node + 1].FirstChild, text[at]);
        // Past the second character most nodes have one or two children: a loop beats IndexOf's set-up.
        for (var j = first; j < end; j++)
            if (childChars[j] == c) return childNodes[j];
        return 0;
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
