using KnowledgeGraph.Core.Dates;

namespace KnowledgeGraph.Extraction.Tests;

[Trait("Category", "Unit")]
public class FrontMatterTests
{
    [Fact]
    public void Reads_title_url_and_date_and_keeps_offsets_into_the_input()
    {
        var input = "---\ntitle: \"Tworek leaves\"\nurl: https://example.com/a\ndate: 2026-01-07\n---\nJerry Tworek left OpenAI.\n";
        var document = FrontMatter.Read(input, "a.md");

        Assert.Equal("Tworek leaves", document.Title);
        Assert.Equal("https://example.com/a", document.Url);
        Assert.Equal(PartialDate.OfDay(2026, 1, 7), document.Date);
        Assert.Equal(input, document.Text);
        Assert.Equal(input.IndexOf("Jerry", StringComparison.Ordinal), document.BodyStart);
    }

    [Fact]
    public void A_document_without_front_matter_is_all_prose()
    {
        var document = FrontMatter.Read("Jerry Tworek left OpenAI.");
        Assert.Null(document.Title);
        Assert.Null(document.Date);
        Assert.Equal(0, document.BodyStart);
    }

    [Fact]
    public void A_partial_date_is_accepted()
    {
        Assert.Equal(PartialDate.OfMonth(2025, 3), FrontMatter.Read("---\ndate: 2025-03\n---\nText").Date);
    }

    [Fact]
    public void A_bad_date_says_file_line_field_and_value()
    {
        var error = Assert.Throws<FrontMatterException>(() => FrontMatter.Read("---\ntitle: A\ndate: 19th of May\n---\nText", "notes.md"));
        Assert.Contains("notes.md line 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("field 'date'", error.Message, StringComparison.Ordinal);
        Assert.Contains("'19th of May'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_front_matter_is_an_error()
    {
        var error = Assert.Throws<FrontMatterException>(() => FrontMatter.Read("---\ntitle: A\nJerry left.", "a.md"));
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_yaml_is_an_error()
    {
        Assert.Throws<FrontMatterException>(() => FrontMatter.Read("---\ntitle: [unclosed\n---\nText", "a.md"));
    }
}
