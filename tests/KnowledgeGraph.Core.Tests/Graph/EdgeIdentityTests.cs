using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;
using static KnowledgeGraph.Core.Tests.Career;

namespace KnowledgeGraph.Core.Tests.Graph;

[Trait("Category", "Unit")]
public class EdgeIdentityTests
{
    private const string OpenAi = "org:openai";

    private static GraphEdge Held(Relation relation = Relation.WorkedAt, string? role = "Researcher", string? start = "2019") =>
        new("edge:held", relation, Person, OpenAi) { Role = role, Start = Maybe(start) };

    [Theory]
    [InlineData("Researcher", "2019")]
    [InlineData("Researcher", "2019-07")]
    [InlineData("Researcher", "2019-07-15")]
    [InlineData("researcher", "2019")]
    [InlineData("  Researcher ", "2019")]
    [InlineData(null, "2019")]
    [InlineData("Researcher", null)]
    [InlineData(null, null)]
    public void The_same_relation_ends_role_and_start_year_is_the_same_fact(string? role, string? start) =>
        Assert.True(EdgeIdentity.IsSameFact(Held(), Relation.WorkedAt, Person, OpenAi, role, Maybe(start)));

    [Fact]
    public void A_held_edge_with_no_role_or_start_matches_any()
    {
        Assert.True(EdgeIdentity.IsSameFact(Held(role: null), Relation.WorkedAt, Person, OpenAi, "VP of Research", D("2019-05")));
        Assert.True(EdgeIdentity.IsSameFact(Held(start: null), Relation.WorkedAt, Person, OpenAi, "Researcher", D("2025")));
    }

    [Fact]
    public void Days_that_disagree_inside_one_year_are_one_fact()
    {
        var left = Held(Relation.Left, null, "2026-01-05");

        Assert.True(EdgeIdentity.IsSameFact(left, Relation.Left, Person, OpenAi, null, D("2026-01-06")));
        Assert.True(EdgeIdentity.IsSameFact(left, Relation.Left, Person, OpenAi, null, D("2026-01-07")));
    }

    [Fact]
    public void A_different_title_is_a_different_fact() =>
        Assert.False(EdgeIdentity.IsSameFact(Held(), Relation.WorkedAt, Person, OpenAi, "VP of Research", D("2025")));

    [Fact]
    public void A_start_in_another_year_is_a_new_tenure() =>
        Assert.False(EdgeIdentity.IsSameFact(Held(Relation.Joined, null, "2016"), Relation.Joined, Person, OpenAi, null, D("2020")));

    [Fact]
    public void Different_relation_or_ends_are_different_facts()
    {
        Assert.False(EdgeIdentity.IsSameFact(Held(), Relation.StudiedAt, Person, OpenAi, "Researcher", D("2019")));
        Assert.False(EdgeIdentity.IsSameFact(Held(), Relation.WorkedAt, "person:someone-else", OpenAi, "Researcher", D("2019")));
        Assert.False(EdgeIdentity.IsSameFact(Held(), Relation.WorkedAt, Person, "org:meta", "Researcher", D("2019")));
        Assert.False(EdgeIdentity.IsSameFact(Held(), Relation.WorkedAt, Person, "ORG:OPENAI", "Researcher", D("2019")));
    }

    [Fact]
    public void NewId_is_stable_for_the_same_parts()
    {
        var id = EdgeIdentity.NewId(Relation.WorkedAt, Person, OpenAi, "VP of Research", D("2025"));

        Assert.Equal(id, EdgeIdentity.NewId(Relation.WorkedAt, Person, OpenAi, "VP of Research", D("2025")));
        Assert.Matches("^edge:[0-9a-f]{20}$", id);
    }

    [Fact]
    public void NewId_does_not_change_between_releases()
    {
        // Ids are stored; a change to the key format would split every existing edge in two.
        Assert.Equal(
            ExpectedId("WORKED_AT|person:jerry-tworek|org:openai|VP OF RESEARCH|2025|0"),
            EdgeIdentity.NewId(Relation.WorkedAt, Person, OpenAi, "VP of Research", D("2025")));
        Assert.Equal(
            ExpectedId("LEFT|person:jerry-tworek|org:openai||2026|0"),
            EdgeIdentity.NewId(Relation.Left, Person, OpenAi, null, D("2026-01-06")));
        Assert.Equal(
            ExpectedId("JOINED|person:jerry-tworek|org:openai|||0"),
            EdgeIdentity.NewId(Relation.Joined, Person, OpenAi, null, null));
    }

    [Fact]
    public void NewId_is_the_same_for_every_statement_of_the_same_fact()
    {
        var first = EdgeIdentity.NewId(Relation.Left, Person, OpenAi, null, D("2026-01-05"));

        Assert.Equal(first, EdgeIdentity.NewId(Relation.Left, Person, OpenAi, null, D("2026-01-07")));
        Assert.Equal(first, EdgeIdentity.NewId(Relation.Left, Person, OpenAi, null, D("2026")));
        Assert.Equal(
            EdgeIdentity.NewId(Relation.WorkedAt, Person, OpenAi, "VP of Research", D("2025")),
            EdgeIdentity.NewId(Relation.WorkedAt, Person, OpenAi, " vp of research ", D("2025-03")));
    }

    [Fact]
    public void NewId_differs_when_a_defining_part_differs()
    {
        PartialDate? start = D("2019");
        var ids = new[]
        {
            EdgeIdentity.NewId(Relation.WorkedAt, Person, OpenAi, "Researcher", start),
            EdgeIdentity.NewId(Relation.StudiedAt, Person, OpenAi, "Researcher", start),
            EdgeIdentity.NewId(Relation.WorkedAt, "person:other", OpenAi, "Researcher", start),
            EdgeIdentity.NewId(Relation.WorkedAt, Person, "org:meta", "Researcher", start),
            EdgeIdentity.NewId(Relation.WorkedAt, Person, OpenAi, "VP", start),
            EdgeIdentity.NewId(Relation.WorkedAt, Person, OpenAi, "Researcher", D("2020")),
            EdgeIdentity.NewId(Relation.WorkedAt, Person, OpenAi, "Researcher", null),
            EdgeIdentity.NewId(Relation.WorkedAt, Person, OpenAi, null, start),
            EdgeIdentity.NewId(Relation.WorkedAt, Person, OpenAi, "Researcher", start, attempt: 1),
            EdgeIdentity.NewId(Relation.WorkedAt, Person, OpenAi, "Researcher", start, attempt: 2),
        };

        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    private static string ExpectedId(string key) =>
        "edge:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)).AsSpan(0, 10));
}
