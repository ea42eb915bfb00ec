using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Core.Tests.Graph;

public sealed class FounderContradictionsTests
{
    private const string Ada = "person:ada";
    private const string Lab = "org:lab";

    private static GraphEdge Edge(string id, Relation relation, string? start = null, string? end = null, string person = Ada, params string[] sources) =>
        new(id, relation, person, Lab)
        {
            Start = start is null ? null : PartialDate.Parse(start),
            End = end is null ? null : PartialDate.Parse(end),
            Sources = [.. sources.Select(s => new SourceRef(s) { Quote = $"quote from {s}" })],
        };

    [Fact]
    public void A_founder_who_joined_years_after_the_founding_is_a_conflict_with_both_sides_and_their_sources()
    {
        var founded = Edge("e1", Relation.Founded, "2015", sources: "src:a");
        var joined = Edge("e2", Relation.Joined, "2019", sources: "src:b");

        var conflict = Assert.Single(FounderContradictions.Of([founded, joined], [founded]));

        Assert.Equal("e2/founder", conflict.Id);
        Assert.Same(joined, conflict.Edge);
        Assert.Equal("founder", conflict.Field);
        Assert.Equal(["FOUNDED 2015", "JOINED 2019"], conflict.Values.Select(v => v.Value));
        Assert.Equal(["src:a", "src:b"], conflict.Values.Select(v => v.Sources.Single().SourceId));
    }

    [Fact]
    public void An_undated_founder_claim_is_dated_by_the_other_founders()
    {
        var founded = Edge("e1", Relation.Founded, sources: "src:a");
        var joined = Edge("e2", Relation.Joined, "2019", sources: "src:b");
        var otherFounder = Edge("e9", Relation.Founded, "2015-12", person: "person:bo", sources: "src:c");

        var conflict = Assert.Single(FounderContradictions.Of([founded, joined], [founded, otherFounder]));
        Assert.Equal(["FOUNDED", "JOINED 2019"], conflict.Values.Select(v => v.Value));
    }

    [Theory]
    [InlineData("2015", "2015")]        // joined as a co-founder, in the founding year
    [InlineData("2015", "2015-03")]     // inside the founding year: not wholly after it
    [InlineData("2015-12", "2015")]     // a coarser join date overlapping the founding
    [InlineData("2019", "2015")]        // joined before the founding date given
    public void A_join_not_wholly_after_the_founding_is_no_conflict(string foundedOn, string joinedOn)
    {
        var founded = Edge("e1", Relation.Founded, foundedOn, sources: "src:a");
        Assert.Empty(FounderContradictions.Of([founded, Edge("e2", Relation.Joined, joinedOn, sources: "src:b")], [founded]));
    }

    [Fact]
    public void A_founder_who_left_and_came_back_is_no_conflict()
    {
        var founded = Edge("e1", Relation.Founded, "2015", sources: "src:a");
        var joined = Edge("e2", Relation.Joined, "2019", sources: "src:b");

        Assert.Empty(FounderContradictions.Of([founded, Edge("e3", Relation.Left, "2018", sources: "src:c"), joined], [founded]));
        Assert.Empty(FounderContradictions.Of([founded, Edge("e3", Relation.Left, sources: "src:c"), joined], [founded]));
        Assert.Empty(FounderContradictions.Of([founded, Edge("e4", Relation.WorkedAt, "2015", "2017", sources: "src:c"), joined], [founded]));
        // A departure after the join says nothing about a return.
        Assert.Single(FounderContradictions.Of([founded, Edge("e3", Relation.Left, "2021", sources: "src:c"), joined], [founded]));
    }

    [Fact]
    public void Without_a_founding_date_or_a_join_date_nothing_can_be_said()
    {
        var founded = Edge("e1", Relation.Founded, sources: "src:a");
        Assert.Empty(FounderContradictions.Of([founded, Edge("e2", Relation.Joined, "2019", sources: "src:b")], [founded]));
        var dated = Edge("e1", Relation.Founded, "2015", sources: "src:a");
        Assert.Empty(FounderContradictions.Of([dated, Edge("e2", Relation.Joined, sources: "src:b")], [dated]));
        Assert.Empty(FounderContradictions.Of([Edge("e2", Relation.Joined, "2019", sources: "src:b")], [Edge("e9", Relation.Founded, "2015", person: "person:bo")]));
    }
}
