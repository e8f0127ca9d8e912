namespace Bot.Domain.Classification.Features;

public sealed record Concept(string Name, IReadOnlyList<string> Terms);

// Groups of words that name one thing in both languages ("水龙头|水嘴|tap|faucet|spigot"). A message
// that contains any of them gets that concept as one more feature, so a word the corpus never
// labelled still counts through its synonyms. Terms match on normalised text: a CJK term anywhere
// inside a CJK run, a Latin term at the start of a word and with an English ending ("faucets").
public sealed class ConceptLexicon
{
    public static readonly ConceptLexicon Empty = new([]);

    // The prefix every concept's term carries in the dictionary. Normalised text never holds it.
    public const char Marker = '\u0006';

    readonly TermTrie trie;

    public ConceptLexicon(IReadOnlyList<Concept> concepts)
    {
        Concepts = concepts;
        trie = new TermTrie(concepts.SelectMany((concept, c) => concept.Terms.Select(term =>
        {
            var (key, wordEnds) = KeyOf(term, concept.Name);
            return (key, wordEnds, c);
        })));
    }

    public IReadOnlyList<Concept> Concepts { get; }

    // The lexicon the shipped model is trained with: data/lexicon/*.tsv, built into this assembly.
    public static ConceptLexicon Embedded()
    {
        var assembly = typeof(ConceptLexicon).Assembly;
        var files = assembly.GetManifestResourceNames().Where(n => n.StartsWith("Lexicon.")).Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return (n["Lexicon.".Length..], reader.ReadToEnd());
            });
        return Parse(files);
    }

    // Each file: a header "concept<TAB>terms", then one concept per line: "water.tap<TAB>水龙头|tap|faucet".
    public static ConceptLexicon Parse(IEnumerable<(string Source, string Text)> files)
    {
        var concepts = new List<Concept>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (source, text) in files)
        {
            var lines = text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
            if (lines[0] != "concept\tterms") throw new FormatException($"{source}:1: the header must be 'concept<TAB>terms'");
            for (var n = 1; n < lines.Length; n++)
            {
                var fields = lines[n].Split('\t');
                if (fields.Length != 2 || fields[0].Length == 0)
                    throw new FormatException($"{source}:{n + 1}: expected a concept, a tab and its terms");
                if (!names.Add(fields[0])) throw new FormatException($"{source}:{n + 1}: concept '{fields[0]}' appears twice");
                var terms = fields[1].Split('|').Select(t => t.Trim()).ToArray();
                if (terms.Any(t => t.Length == 0)) throw new FormatException($"{source}:{n + 1}: an empty term");
                concepts.Add(new Concept(fields[0], terms));
            }
        }
        try { return new ConceptLexicon(concepts); }
        catch (FormatException e) { throw new FormatException($"lexicon: {e.Message}", e); }
    }

    public override string ToString() => $"{Concepts.Count} concepts";

    public static string TermOf(Concept concept) => Marker + concept.Name;

    // Hits never exceed this, so a caller can size its buffer.
    public int MaxHits(int normalisedLength) => normalisedLength * trie.MostHitsPerStart;

    // Writes the index of every concept found in `normalised` (a concept once per term that matched).
    public int Match(ReadOnlySpan<char> normalised, Span<int> hits) => trie.Match(normalised, hits);

    // A CJK term may start or end mid-run ("水龙头" in "家里水龙头坏了"); a Latin term must start a
    // word, and its last word may go on with an ending.
    static (string Key, bool WordEnds) KeyOf(string term, string concept)
    {
        var key = TextNormaliser.Normalise(term);
        if (key.StartsWith(TextNormaliser.RunStart)) key = key[1..];
        if (key.EndsWith(TextNormaliser.RunEnd)) key = key[..^1];
        var wordEnds = key.EndsWith(TextNormaliser.WordEnd);
        if (wordEnds) key = key[..^1];
        if (key.Count(char.IsLetterOrDigit) < 2) throw new FormatException($"concept '{concept}': the term '{term}' is too short to match safely");
        return (key, wordEnds);
    }
}
