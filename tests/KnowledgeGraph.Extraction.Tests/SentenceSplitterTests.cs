using KnowledgeGraph.Extraction.Text;

namespace KnowledgeGraph.Extraction.Tests;

[Trait("Category", "Unit")]
public class SentenceSplitterTests
{
    private static string[] Split(string text)
    {
        var spans = new List<TextSpan>();
        SentenceSplitter.Split(text, 0, spans);
        return [.. spans.Select(s => text[s.Start..s.End])];
    }

    [Fact]
    public void Splits_at_sentence_ends()
    {
        Assert.Equal(["She joined OpenAI in 2019.", "He left in 2021!", "Why?"], Split("She joined OpenAI in 2019. He left in 2021! Why?"));
    }

    [Theory]
    [InlineData("Dr. Anil Mehta joined Northwind Labs.")]
    [InlineData("Brightline Inc., a U.S. robotics company, hired her.")]
    [InlineData("J. R. Smith earned a Ph.D. from MIT.")]
    [InlineData("She received a B.S. from Stanford in 2004.")]
    public void Keeps_abbreviations_and_initials_inside_the_sentence(string sentence)
    {
        Assert.Equal([sentence], Split(sentence));
    }

    [Fact]
    public void Lines_headings_and_bullets_are_sentences_of_their_own()
    {
        var text = "# Career\n- 2019–2022: Research Scientist, OpenAI\n- 2022–present: Research Lead, OpenAI\n\nShe studied at MIT";
        Assert.Equal(["# Career", "- 2019–2022: Research Scientist, OpenAI", "- 2022–present: Research Lead, OpenAI", "She studied at MIT"], Split(text));
    }

    [Fact]
    public void A_closing_quote_stays_with_its_sentence()
    {
        Assert.Equal(["He co-authored \"Scaling Laws for Retrieval.\"", "Then he left."], Split("He co-authored \"Scaling Laws for Retrieval.\" Then he left."));
    }
}
