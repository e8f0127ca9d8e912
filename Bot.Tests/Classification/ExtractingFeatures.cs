using Bot.Domain.Classification.Features;

namespace Bot.Tests.Classification;

public sealed class ExtractingFeatures
{
    static readonly FeatureSettings Trigrams = new(MaxCharGram: 3, MaxWordGram: 2, MaxWordCharGram: 0, MinDocumentFrequency: 1);

    static string[] Terms(string text, FeatureSettings? settings = null) =>
        Vocabulary.TermsOf(text, settings ?? Trigrams).Select(t => t.Replace('\u0002', '^').Replace('\u0003', '$').Replace('\u0004', '<').Replace('\u0005', '>')).ToArray();

    [Fact]
    public void Chinese_text_gives_character_1_to_3_grams_with_run_markers()
    {
        Assert.Equal(["^路", "^路灯", "路", "路灯", "路灯不", "灯", "灯不", "灯不亮", "不", "不亮", "不亮$", "亮", "亮$"], Terms("路灯不亮"));
    }

    [Fact]
    public void Latin_text_gives_lower_case_words_and_word_bigrams()
    {
        Assert.Equal(["<the>", "<street>", "<the> <street>", "<light>", "<street> <light>", "<is>", "<light> <is>", "<out>", "<is> <out>"],
            Terms("The STREET light is out!"));
    }

    [Fact]
    public void Latin_words_also_give_character_n_grams_with_word_markers()
    {
        var terms = Terms("Relocate", new FeatureSettings(3, 2, MaxWordCharGram: 4, 1));

        Assert.Equal(["<relocate>", "<re", "<rel", "rel", "relo", "elo", "eloc", "loc", "loca", "oca", "ocat", "cat", "cate", "ate", "ate>", "te>"], terms);
    }

    [Fact]
    public void Full_width_letters_and_digits_become_half_width_and_digit_runs_fold()
    {
        Assert.Equal("\u0004wifi\u0005 \u0002断了0天\u0003 \u0004room\u0005 \u00040\u0005", TextNormaliser.Normalise("ＷｉＦｉ断了３天，Room 1203"));
        Assert.Equal("\u00040\u0005 \u0004ml\u0005", TextNormaliser.Normalise("3.5 ml"));
    }

    [Fact]
    public void Compatibility_characters_go_through_nfkc()
    {
        Assert.Equal("\u0002面积0\u0003 \u0004m0\u0005", TextNormaliser.Normalise("面积100㎡"));
    }

    [Fact]
    public void Mixed_text_keeps_word_bigrams_from_bridging_a_chinese_run()
    {
        var terms = Terms("wifi 又坏了 today");

        Assert.Contains("<wifi>", terms);
        Assert.Contains("<today>", terms);
        Assert.Contains("^又坏", terms);
        Assert.Contains("坏了$", terms);
        Assert.DoesNotContain("<wifi> <today>", terms);
    }

    [Fact]
    public void Vectors_are_l2_normalised_and_skip_unknown_terms()
    {
        var vocabulary = Vocabulary.Build(["路灯不亮", "路灯坏了", "没电了"], Trigrams);

        using var vector = vocabulary.Vectorise("路灯 street");
        var norm = Math.Sqrt(vector.Values.ToArray().Sum(v => (double)v * v));

        Assert.Equal(1.0, norm, 5);
        Assert.Equal(vector.Ids.Length, vector.Ids.ToArray().Distinct().Count());
        Assert.All(vector.Ids.ToArray(), id => Assert.DoesNotContain("street", vocabulary.Terms[id]));
    }

    [Fact]
    public void Rarer_terms_weigh_more()
    {
        var vocabulary = Vocabulary.Build(["路灯不亮", "路灯坏了", "路口有坑"], new FeatureSettings(1, 1, 0, 1));

        using var vector = vocabulary.Vectorise("路亮");
        var weights = vector.Ids.ToArray().Zip(vector.Values.ToArray()).ToDictionary(x => vocabulary.Terms[x.First], x => x.Second);

        Assert.True(weights["亮"] > weights["路"]);
    }
}
