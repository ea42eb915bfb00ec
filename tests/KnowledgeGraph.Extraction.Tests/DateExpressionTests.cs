using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Extraction.Dates;
using KnowledgeGraph.Extraction.Text;

namespace KnowledgeGraph.Extraction.Tests;

[Trait("Category", "Unit")]
public class DateExpressionTests
{
    private static List<DateExpression> Find(string text, string? documentDate = null)
    {
        var tokens = new List<Token>();
        Tokenizer.Tokenize(text, 0, text.Length, tokens);
        var found = new List<DateExpression>();
        DateExpressionFinder.Find(text, new TextSpan(0, text.Length), tokens, documentDate is null ? null : PartialDate.Parse(documentDate), found);
        return found;
    }

    private static string Render(string text, string? documentDate = null) =>
        string.Join("; ", Find(text, documentDate).Select(d => $"{d.Shape} {d.From}..{d.To}"));

    [Theory]
    [InlineData("In 2019, he joined OpenAI.", "Point 2019..")]
    [InlineData("Since 2022 she has led the team.", "Since 2022..")]
    [InlineData("On January 6, 2026, Jerry announced his departure.", "Point 2026-01-06..")]
    [InlineData("He left on 6 January 2026.", "Point 2026-01-06..")]
    [InlineData("She joined in March 2018.", "Point 2018-03..")]
    [InlineData("In early 2025 he was promoted.", "Point 2025..")]
    [InlineData("She starts in fall 2024.", "Point 2024..")]
    [InlineData("He resigned on 2026-01-07.", "Point 2026-01-07..")]
    [InlineData("Between 2019 and 2022, he worked on Codex.", "Range 2019..2022")]
    [InlineData("From 2016 to 2018 she was a postdoc.", "Range 2016..2018")]
    [InlineData("2017–2021: Research Scientist, Google Brain", "Range 2017..2021")]
    [InlineData("2010-2014: PhD student at MIT", "Range 2010..2014")]
    [InlineData("2021–present: Staff Research Scientist, Anthropic", "Range 2021..")]
    [InlineData("He worked there until 2020.", "Until ..2020")]
    public void States_dates_as_precisely_as_the_text(string text, string expected)
    {
        Assert.Equal(expected, Render(text));
    }

    [Theory]
    [InlineData("He spent nearly seven years at OpenAI.")]
    [InlineData("Eighteen months later she left.")]
    [InlineData("In March she joined Anthropic.")]
    [InlineData("He presented it at NeurIPS 2019.")]
    [InlineData("Tomasz Wrona (born 1988) is a computer scientist.")]
    [InlineData("The company raised $40 million.")]
    public void Invents_no_dates(string text)
    {
        Assert.Empty(Find(text));
    }

    [Fact]
    public void Relative_dates_count_from_the_document_date()
    {
        Assert.Equal("Point 2024..", Render("Last year she was promoted.", "2025-07-20"));
        Assert.Equal("Point 2026..", Render("Earlier this year she was promoted.", "2026-02-01"));
        Assert.Equal("Point 2025-06..", Render("He left last month.", "2025-07-20"));
    }

    [Fact]
    public void Relative_dates_give_nothing_without_a_document_date()
    {
        Assert.Empty(Find("Last year she was promoted."));
    }
}
