using System.Numerics;

namespace Bot.Domain.Classification.Features;

// The dictionary's term → id map, built for the question each message asks a hundred times: "is
// this slice of text a term?". A general Dictionary answers it with a randomised string hash and a
// chain walk; this open-addressing table (never more than half full) answers with a few multiplies:
// - a term of up to four characters (every CJK n-gram, most pieces of words) is packed into one
//   64-bit key that is the term itself, so a matching slot needs no comparison of characters;
// - a longer term is keyed by a 64-bit hash and compared with the stored term when the key matches.
// The table is fixed once built, so crafted text cannot lengthen its probe sequences.
sealed class TermTable
{
    const int PackedLength = 4;
    readonly Slot[] slots;
    readonly string[] terms;
    readonly int shift;

    // Length 0 marks an empty slot: no term is empty.
    readonly record struct Slot(ulong Key, int Id, int Length);

    public TermTable(string[] terms)
    {
        this.terms = terms;
        var bits = Math.Max(4, BitOperations.Log2((uint)Math.Max(terms.Length, 1)) + 2);
        shift = 64 - bits;
        slots = new Slot[1 << bits];
        for (var id = 0; id < terms.Length; id++)
        {
            if (terms[id].Length == 0) throw new ArgumentException("A term is never empty.", nameof(terms));
            var key = KeyOf(terms[id]);
            var at = IndexOf(key);
            while (slots[at].Length != 0)
            {
                if (slots[at].Key == key && terms[slots[at].Id] == terms[id]) throw new ArgumentException($"The term '{terms[id]}' occurs twice.", nameof(terms));
                at = (at + 1) & (slots.Length - 1);
            }
            slots[at] = new Slot(key, id, terms[id].Length);
        }
    }

    // The term's id, or -1 when the text is not a term.
    public int Find(ReadOnlySpan<char> text)
    {
        var key = KeyOf(text);
        for (var at = IndexOf(key); ; at = (at + 1) & (slots.Length - 1))
        {
            ref readonly var slot = ref slots[at];
            if (slot.Length == 0) return -1;
            if (slot.Key == key && slot.Length == text.Length
                && (text.Length <= PackedLength || text.SequenceEqual(terms[slot.Id])))
                return slot.Id;
        }
    }

    // Fibonacci hashing: the top bits of key × 2^64/φ spread packed keys that differ only in their
    // low characters.
    int IndexOf(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> shift);

    static ulong KeyOf(ReadOnlySpan<char> text)
    {
        var key = 0UL;
        if (text.Length <= PackedLength)
        {
            foreach (var c in text) key = key << 16 | c;
            return key;
        }
        key = 0xCBF29CE484222325UL; // FNV-1a over the characters
        foreach (var c in text) key = (key ^ c) * 0x100000001B3UL;
        return key;
    }
}
