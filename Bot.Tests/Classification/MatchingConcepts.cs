using Bot.Domain.Classification.Features;

namespace Bot.Tests.Classification;

public sealed class MatchingConcepts
{
    static readonly ConceptLexicon Lexicon = ConceptLexicon.Parse([("test.tsv", """
        concept	terms
        water.tap	水龙头|龙头|水嘴|tap|faucet|Spigot
        power.cut	停电|power cut|blackout
        road.pothole	坑洼|pothole
        """)]);

    static string[] ConceptsIn(string text)
    {
        var normalised = TextNormaliser.Normalise(text);
        var hits = new int[Lexicon.MaxHits(normalised.Length)];
        var count = Lexicon.Match(normalised, hits);
        return hits.Take(count).Select(c => Lexicon.Concepts[c].Name).Distinct().Order().ToArray();
    }

    [Theory]
    [InlineData("家里水龙头坏了", "water.tap")] // inside a Chinese run
    [InlineData("the FAUCETS are dripping", "water.tap")] // any case, with an English ending
    [InlineData("spigot leaking", "water.tap")] // a term written in capitals in the file
    [InlineData("Ｐｏｗｅｒ　ｃｕｔ again", "power.cut")] // a phrase, full-width
    [InlineData("停电了，路上还有坑洼", "power.cut road.pothole")]
    [InlineData("our potholes", "road.pothole")]
    public void Terms_are_found_in_either_language_and_any_form(string text, string concepts)
    {
        Assert.Equal(concepts.Split(' '), ConceptsIn(text));
    }

    [Theory]
    [InlineData("tapestry for sale")] // not a word ending
    [InlineData("a good startap")] // not at a word's start
    [InlineData("power line down")] // half a phrase
    [InlineData("水很浑")]
    public void Words_that_only_contain_a_term_do_not_match(string text)
    {
        Assert.Empty(ConceptsIn(text));
    }

    [Fact]
    public void A_concept_is_one_feature_however_many_of_its_terms_a_text_uses()
    {
        var settings = new FeatureSettings(2, 1, 0, 1) { Concepts = Lexicon };
        var vocabulary = Vocabulary.Build(["水龙头坏了", "tap is broken", "停电了"], settings);
        var tap = vocabulary.Terms.ToList().IndexOf(ConceptLexicon.TermOf(Lexicon.Concepts[0]));

        using var both = vocabulary.Vectorise("水龙头 tap faucet");
        using var unseenWord = vocabulary.Vectorise("水嘴漏了");

        Assert.True(tap >= 0);
        Assert.Equal(1, both.Ids.ToArray().Count(id => id == tap));
        Assert.Contains(tap, unseenWord.Ids.ToArray()); // 水嘴 is in no training text; its concept is
    }

    [Theory]
    [InlineData("concept\tterms\nwater.tap\t水龙头|tap\nwater.tap\tfaucet", "a.tsv:3: concept 'water.tap' appears twice")]
    [InlineData("concept\tterms\nwater.tap 水龙头", "a.tsv:2: expected a concept, a tab and its terms")]
    [InlineData("concept\tterms\nwater.tap\t水龙头||tap", "a.tsv:2: an empty term")]
    [InlineData("name\twords\nwater.tap\t水龙头", "a.tsv:1: the header must be")]
    [InlineData("concept\tterms\nwater.tap\t水龙头|x", "concept 'water.tap': the term 'x' is too short")]
    public void A_bad_lexicon_file_is_refused_with_its_line(string text, string error)
    {
        var e = Assert.Throws<FormatException>(() => ConceptLexicon.Parse([("a.tsv", text)]));

        Assert.Contains(error, e.Message);
    }

    [Fact]
    public void The_shipped_lexicon_loads()
    {
        var lexicon = ConceptLexicon.Embedded();

        Assert.True(lexicon.Concepts.Count > 100, $"{lexicon.Concepts.Count} concepts");
    }
}
