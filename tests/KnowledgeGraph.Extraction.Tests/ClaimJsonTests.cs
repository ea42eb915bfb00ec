using KnowledgeGraph.Core.Claims;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Extraction.Wire;

namespace KnowledgeGraph.Extraction.Tests;

[Trait("Category", "Unit")]
public class ClaimJsonTests
{
    private static readonly Claim Sample = new(
        new Mention("Jerry Tworek", NodeKind.Person), Relation.Joined, new Mention("OpenAI", NodeKind.Organization),
        new Evidence(412, 456, "Tworek joined OpenAI in 2019 as a researcher"))
    {
        Start = PartialDate.OfYear(2019),
    };

    [Fact]
    public void Writes_the_contract_shape()
    {
        Assert.Equal(
            "{\"subject\":{\"name\":\"Jerry Tworek\",\"type\":\"Person\"},\"relation\":\"JOINED\","
            + "\"object\":{\"name\":\"OpenAI\",\"type\":\"Organization\"},\"start\":\"2019\",\"end\":null,"
            + "\"role\":null,\"confidence\":0.9,\"evidence\":{\"start\":412,\"end\":456,\"quote\":\"Tworek joined OpenAI in 2019 as a researcher\"}}",
            ClaimJson.Write(Sample));
    }

    [Fact]
    public void Reads_what_it_writes()
    {
        Assert.Equal(Sample, ClaimJson.Read(ClaimJson.Write(Sample)));
    }

    [Theory]
    [InlineData("{\"subject\":{\"name\":\"A\",\"type\":\"Person\"},\"relation\":\"HIRED\",\"object\":{\"name\":\"B\",\"type\":\"Organization\"}}", "relation")]
    [InlineData("{\"subject\":{\"name\":\"A\",\"type\":\"Person\"},\"relation\":\"JOINED\",\"object\":{\"name\":\"B\",\"type\":\"Company\"}}", "object.type")]
    [InlineData("{\"subject\":{\"name\":\"A\",\"type\":\"Person\"},\"relation\":\"JOINED\",\"object\":{\"name\":\"B\",\"type\":\"Organization\"},\"start\":\"19th\"}", "start")]
    public void Bad_fields_are_named(string line, string field)
    {
        var error = Assert.Throws<FormatException>(() => ClaimJson.Read(line));
        Assert.Contains($"'{field}'", error.Message, StringComparison.Ordinal);
    }
}
