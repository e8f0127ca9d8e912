namespace Bot.Domain.Classification.Features;

// Character n-grams run from 1 to MaxCharGram inside CJK runs (start/end markers included), word
// n-grams from 1 to MaxWordGram over Latin words, and character n-grams from 3 to MaxWordCharGram
// inside each marked Latin word (0: none), which lets "relocate" and "relocation" share evidence.
// Terms seen in fewer training texts than MinDocumentFrequency are left out of the dictionary.
public sealed record FeatureSettings(int MaxCharGram, int MaxWordGram, int MaxWordCharGram, int MinDocumentFrequency)
{
    public void Validate()
    {
        if (MaxCharGram is < 1 or > 3 || MaxWordGram is < 1 or > 2 || MaxWordCharGram is not 0 and (< 3 or > 5) || MinDocumentFrequency < 1)
            throw new ArgumentOutOfRangeException(nameof(FeatureSettings), this, "char n-grams 1–3, word n-grams 1–2, word char n-grams 0 or 3–5, min df ≥ 1");
    }
}
