namespace Bot.Domain.Classification.Features;

// Character n-grams run from 1 to MaxCharGram inside CJK runs (start/end markers included), word
// n-grams from 1 to MaxWordGram over Latin words, and character n-grams from 3 to MaxWordCharGram
// inside each marked Latin word (0: none), which lets "relocate" and "relocation" share evidence.
// Terms seen in fewer training texts than MinDocumentFrequency are left out of the dictionary.
// Each concept of the lexicon found in a text is one more term, its weight multiplied by
// ConceptWeight: one concept stands for a word among the many n-grams that spell it out.
public sealed record FeatureSettings(int MaxCharGram, int MaxWordGram, int MaxWordCharGram, int MinDocumentFrequency)
{
    public ConceptLexicon Concepts { get; init; } = ConceptLexicon.Empty;
    public float ConceptWeight { get; init; } = 1;

    public void Validate()
    {
        if (MaxCharGram is < 1 or > 3 || MaxWordGram is < 1 or > 2 || MaxWordCharGram is not 0 and (< 3 or > 5) || MinDocumentFrequency < 1 || !(ConceptWeight > 0))
            throw new ArgumentOutOfRangeException(nameof(FeatureSettings), this, "char n-grams 1–3, word n-grams 1–2, word char n-grams 0 or 3–5, min df ≥ 1, concept weight > 0");
    }
}
