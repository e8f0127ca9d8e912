using System.Buffers;

namespace Bot.Domain.Classification.Features;

// The dictionary built on the training texts: term → id, and each term's smoothed IDF.
// Texts become (1 + ln tf) × IDF vectors, L2-normalised; terms outside the dictionary are dropped.
public sealed class Vocabulary
{
    readonly string[] terms;
    readonly float[] idf;
    readonly float[] termWeight; // the IDF, times FeatureSettings.ConceptWeight for a concept
    readonly TermTable ids;
    readonly int[] conceptIds; // -1 for a concept that is not in the dictionary

    public Vocabulary(FeatureSettings settings, string[] terms, float[] idf)
    {
        settings.Validate();
        if (terms.Length != idf.Length) throw new ArgumentException("one IDF per term", nameof(idf));
        Settings = settings;
        this.terms = terms;
        this.idf = idf;
        termWeight = idf.Select((w, i) => terms[i][0] == ConceptLexicon.Marker ? w * settings.ConceptWeight : w).ToArray();
        ids = new TermTable(terms);
        conceptIds = settings.Concepts.Concepts.Select(c => ids.Find(ConceptLexicon.TermOf(c))).ToArray();
    }

    public FeatureSettings Settings { get; }
    public int Count => terms.Length;
    public IReadOnlyList<string> Terms => terms;
    public ReadOnlySpan<float> Idf => idf;

    public static Vocabulary Build(IEnumerable<string> texts, FeatureSettings settings)
    {
        settings.Validate();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var documents = 0;
        foreach (var text in texts)
        {
            documents++;
            seen.Clear();
            foreach (var term in TermsOf(text, settings)) seen.Add(term);
            foreach (var term in seen) documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
        }
        // Ordinal order makes term ids, and so the model file, independent of hash order.
        var kept = documentFrequency.Where(t => t.Value >= settings.MinDocumentFrequency)
            .OrderBy(t => t.Key, StringComparer.Ordinal).ToArray();
        var idf = kept.Select(t => (float)(Math.Log((1.0 + documents) / (1.0 + t.Value)) + 1.0)).ToArray();
        return new Vocabulary(settings, kept.Select(t => t.Key).ToArray(), idf);
    }

    public static IEnumerable<string> TermsOf(string text, FeatureSettings settings)
    {
        var normalised = TextNormaliser.Normalise(text);
        var spans = new TermSpan[TermScanner.MaxTerms(normalised.Length)];
        var count = TermScanner.Scan(normalised, settings, spans);
        var lexicon = settings.Concepts;
        var hits = new int[lexicon.MaxHits(normalised.Length)];
        var found = lexicon.Match(normalised, hits);
        return spans.Take(count).Select(s => normalised.Substring(s.Start, s.Length))
            .Concat(hits.Take(found).Distinct().Select(c => ConceptLexicon.TermOf(lexicon.Concepts[c])));
    }

    public FeatureVector Vectorise(string text)
    {
        var prepared = TextNormaliser.Prepare(text);
        var chars = ArrayPool<char>.Shared.Rent(TextNormaliser.MaxOutputLength(prepared.Length));
        var length = TextNormaliser.Normalise(prepared, chars);
        var normalised = chars.AsSpan(0, length);
        var spans = ArrayPool<TermSpan>.Shared.Rent(TermScanner.MaxTerms(length));
        var termCount = TermScanner.Scan(normalised, Settings, spans);

        var concepts = ArrayPool<int>.Shared.Rent(Math.Max(Settings.Concepts.MaxHits(length), 1));
        var conceptCount = Settings.Concepts.Match(normalised, concepts);
        // The second half is the radix sort's other buffer.
        var found = ArrayPool<int>.Shared.Rent(Math.Max(2 * (termCount + conceptCount), 1));
        var hits = 0;
        for (var i = 0; i < termCount; i++)
            if (ids.Find(normalised.Slice(spans[i].Start, spans[i].Length)) is var id and >= 0)
                found[hits++] = id;
        hits = AddConcepts(concepts.AsSpan(0, conceptCount), found, hits);
        ArrayPool<int>.Shared.Return(concepts);
        ArrayPool<TermSpan>.Shared.Return(spans);
        ArrayPool<char>.Shared.Return(chars);

        var sorted = found.AsSpan(0, hits);
        RadixSort.Sort(sorted, found.AsSpan(hits, hits), terms.Length);
        var values = ArrayPool<float>.Shared.Rent(Math.Max(hits, 1));
        var unique = 0;
        var sumOfSquares = 0.0;
        for (var i = 0; i < hits;)
        {
            var id = sorted[i];
            var tf = 1;
            while (i + tf < hits && sorted[i + tf] == id) tf++;
            // Most terms occur once, and ln 1 = 0: the logarithm is only worth its cost for repeats.
            var weight = tf == 1 ? termWeight[id] : (float)((1.0 + Math.Log(tf)) * termWeight[id]);
            found[unique] = id;
            values[unique++] = weight;
            sumOfSquares += weight * weight;
            i += tf;
        }
        if (sumOfSquares > 0)
        {
            var scale = (float)(1.0 / Math.Sqrt(sumOfSquares));
            for (var i = 0; i < unique; i++) values[i] *= scale;
        }
        return new FeatureVector(found, values, unique);
    }

    // A concept counts once however many of its words a text uses: "水龙头" also holds "龙头".
    int AddConcepts(Span<int> concepts, int[] found, int hits)
    {
        concepts.Sort();
        for (var i = 0; i < concepts.Length; i++)
            if ((i == 0 || concepts[i] != concepts[i - 1]) && conceptIds[concepts[i]] >= 0)
                found[hits++] = conceptIds[concepts[i]];
        return hits;
    }
}
