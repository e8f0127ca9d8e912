namespace Bot.Domain.Classification.Features;

// Sorts a message's term ids, a hundred or so below the dictionary's size. Introsort spent more time
// here than the dictionary lookups did, mispredicting a branch on every other comparison; a
// byte-at-a-time radix sort has no data-dependent branches and needs two passes for 65,536 terms.
static class RadixSort
{
    // Sorts ids (all in 0..limit-1) ascending, using scratch (at least as long) as the other buffer.
    public static void Sort(Span<int> ids, Span<int> scratch, int limit)
    {
        Span<int> counts = stackalloc int[256];
        var from = ids;
        var to = scratch[..ids.Length];
        for (var shift = 0; shift < 32 && limit - 1 >> shift > 0; shift += 8)
        {
            counts.Clear();
            foreach (var id in from) counts[id >> shift & 0xFF]++;
            var start = 0;
            for (var b = 0; b < 256; b++) (counts[b], start) = (start, start + counts[b]);
            foreach (var id in from) to[counts[id >> shift & 0xFF]++] = id;
            var emptied = from;
            from = to;
            to = emptied;
        }
        if (from != ids) from.CopyTo(ids);
    }
}
