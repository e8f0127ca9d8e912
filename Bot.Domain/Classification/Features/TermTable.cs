using System.Numerics;

namespace Bot.Domain.Classification.Features;

// The dictionary's term → id map, built for the question each message asks a hundred times: "is
// this slice of text a term?". A general Dictionary answers it with a randomised string hash and a
// chain walk; this open-addressing table answers with a multiply and, mostly, one read. Its size
// decides its speed: the slots are read at random, so they must stay in the core's own cache, and a
// slot is eight bytes:
// - a term of one or two characters (every CJK n-gram, with or without its run marker), or of three
//   or four Latin-1 characters (most pieces of English words), is its own 32-bit key, so a matching
//   slot needs no comparison of characters;
// - a longer term is keyed by 32 bits of a 64-bit hash and compared with the stored term on a match.
// The table is fixed once built, so crafted text cannot lengthen its probe sequences.
sealed class TermTable
{
    // How a slot's key was made, in the low two bits of Slot.Entry.
    const int TwoChars = 0, FourBytes = 1, Hashed = 2, KindBits = 2;
    readonly Slot[] slots;
    readonly string[] terms;
    readonly int shift;

    // Entry is id × 4 + kind, plus one, so that a zeroed slot is empty.
    readonly record struct Slot(uint Key, int Entry);

    public TermTable(string[] terms)
    {
        this.terms = terms;
        // At most five slots in eight taken: probes stay short and the table stays small.
        var bits = Math.Max(4, BitOperations.Log2((uint)Math.Max(terms.Length * 8 / 5, 1)) + 1);
        shift = 64 - bits;
        slots = new Slot[1 << bits];
        for (var id = 0; id < terms.Length; id++)
        {
            if (terms[id].Length == 0) throw new ArgumentException("A term is never empty.", nameof(terms));
            if (Find(terms[id]) >= 0) throw new ArgumentException($"The term '{terms[id]}' occurs twice.", nameof(terms));
            var (hash, key, kind) = KeyOf(terms[id]);
            var at = IndexOf(hash);
            while (slots[at].Entry != 0) at = (at + 1) & (slots.Length - 1);
            slots[at] = new Slot(key, (id << KindBits | kind) + 1);
        }
    }

    // The term's id, or -1 when the text is not a term.
    public int Find(ReadOnlySpan<char> text)
    {
        var (hash, key, kind) = KeyOf(text);
        for (var at = IndexOf(hash); ; at = (at + 1) & (slots.Length - 1))
        {
            var slot = slots[at];
            if (slot.Entry == 0) return -1;
            var entry = slot.Entry - 1;
            if (slot.Key == key && (entry & (1 << KindBits) - 1) == kind
                && (kind != Hashed || text.SequenceEqual(terms[entry >> KindBits])))
                return entry >> KindBits;
        }
    }

    // Fibonacci hashing: the top bits of hash × 2^64/φ spread packed keys that differ only in their
    // low characters.
    int IndexOf(ulong hash) => (int)((hash * 0x9E3779B97F4A7C15UL) >> shift);

    static (ulong Hash, uint Key, int Kind) KeyOf(ReadOnlySpan<char> text)
    {
        var packed = 0U;
        if (text.Length <= 2)
        {
            foreach (var c in text) packed = packed << 16 | c;
            return (packed, packed, TwoChars);
        }
        if (text.Length <= 4)
        {
            var bits = 0;
            foreach (var c in text) (packed, bits) = (packed << 8 | c, bits | c);
            // Normalised text holds no NUL, so "abc" and a four-character term never share a key.
            if (bits <= 0xFF) return (packed, packed, FourBytes);
            packed = 0;
        }
        var hash = 0xCBF29CE484222325UL; // FNV-1a over the characters
        foreach (var c in text) hash = (hash ^ c) * 0x100000001B3UL;
        return (hash, (uint)(hash >> 32), Hashed);
    }
}
