using Bot.Domain.Classification.Features;

namespace Bot.Tests.Classification;

// The two hand-made pieces on the message path: the term table and the radix sort of term ids.
public sealed class LookingUpTerms
{
    static readonly string[] Terms =
    [
        "\u0002水", "水", "水管", "水管$", "\u0004tap", "tap\u0005", "\u0004faucet\u0005", "auce", "aucet",
        "\u0004water\u0005 \u0004pipe\u0005", "\u0004pipe\u0005", "路灯不亮了", "é", "\u0006water.tap",
    ];

    [Fact]
    public void Every_term_is_found_at_its_id()
    {
        var table = new TermTable(Terms);

        for (var id = 0; id < Terms.Length; id++) Assert.Equal(id, table.Find(Terms[id]));
    }

    [Theory]
    [InlineData("水管道")]          // a term plus one character
    [InlineData("管")]
    [InlineData("\u0004tap\u0005")] // differs from "\u0004tap" only in its last character
    [InlineData("\u0004faucet")]    // a long term less its end
    [InlineData("aucez")]           // a long term with its last character changed
    [InlineData("路灯不亮")]
    [InlineData("")]
    public void Text_that_is_not_a_term_is_not_found(string text)
    {
        Assert.Equal(-1, new TermTable(Terms).Find(text));
    }

    [Fact]
    public void Thousands_of_terms_keep_their_ids()
    {
        var random = new Random(7);
        var terms = Enumerable.Range(0, 5000)
            .Select(i => new string(Enumerable.Range(0, 1 + i % 9).Select(_ => (char)random.Next(0x4E00, 0x4E40)).ToArray()))
            .Distinct().ToArray();
        var table = new TermTable(terms);

        for (var id = 0; id < terms.Length; id++) Assert.Equal(id, table.Find(terms[id]));
        Assert.Equal(-1, table.Find("\u4E41\u4E41\u4E41\u4E41\u4E41\u4E41\u4E41\u4E41\u4E41\u4E41"));
    }

    [Fact]
    public void A_term_listed_twice_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new TermTable(["水管", "\u0004tap", "水管"]));
        Assert.Contains("水管", error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(200)]          // one pass
    [InlineData(36_780)]       // two, the size of today's dictionary
    [InlineData(5_000_000)]    // three, so the result is copied back from the scratch buffer
    public void Radix_sort_orders_ids_as_a_comparison_sort_does(int limit)
    {
        var random = new Random(limit);
        var ids = Enumerable.Range(0, 300).Select(_ => random.Next(limit)).ToArray();
        var expected = ids.Order().ToArray();

        RadixSort.Sort(ids, new int[ids.Length], limit);

        Assert.Equal(expected, ids);
    }

    [Fact]
    public void Vectors_list_each_term_once_in_ascending_id_order()
    {
        var vocabulary = Vocabulary.Build(["水管漏水了 water pipe leaking", "水管又漏水 the pipe pipe pipe"], new FeatureSettings(2, 2, 4, 1));

        using var vector = vocabulary.Vectorise("水管水管漏水漏水 pipe pipe water pipe");

        Assert.True(vector.Ids.Length > 10);
        for (var i = 1; i < vector.Ids.Length; i++) Assert.True(vector.Ids[i - 1] < vector.Ids[i]);
    }
}
