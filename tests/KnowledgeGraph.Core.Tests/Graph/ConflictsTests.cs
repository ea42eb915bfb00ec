using KnowledgeGraph.Core.Graph;
using static KnowledgeGraph.Core.Tests.Career;

namespace KnowledgeGraph.Core.Tests.Graph;

[Trait("Category", "Unit")]
public class ConflictsTests
{
    private static GraphEdge LeftOpenAi(params SourceRef[] sources) =>
        new("edge:left", Relation.Left, Person, "org:openai") { Start = D("2026-01"), Sources = sources };

    private static SourceRef Says(string sourceId, string? start = null, string? end = null) =>
        new(sourceId) { ClaimedStart = Maybe(start), ClaimedEnd = Maybe(end), Quote = $"{sourceId} quote" };

    [Fact]
    public void Three_sources_three_days_is_one_start_conflict_with_each_value_and_its_source()
    {
        var a = Says("source:a", "2026-01-05");
        var b = Says("source:b", "2026-01-06");
        var c = Says("source:c", "2026-01-07");
        var edge = LeftOpenAi(c, a, b);

        var conflict = Assert.Single(Conflicts.Of(edge));

        Assert.Equal("edge:left/start", conflict.Id);
        Assert.Same(edge, conflict.Edge);
        Assert.Equal("start", conflict.Field);
        Assert.Equal(["2026-01-05", "2026-01-06", "2026-01-07"], conflict.Values.Select(v => v.Value));
        Assert.Equal([[a], [b], [c]], conflict.Values.Select(v => v.Sources.ToArray()));
    }

    [Fact]
    public void Sources_that_say_the_same_value_are_grouped_under_it()
    {
        var a = Says("source:a", "2026-01-05");
        var b = Says("source:b", "2026-01-07");
        var c = Says("source:c", "2026-01-05");

        var conflict = Assert.Single(Conflicts.Of(LeftOpenAi(a, b, c)));

        Assert.Equal(["2026-01-05", "2026-01-07"], conflict.Values.Select(v => v.Value));
        Assert.Equal([a, c], conflict.Values[0].Sources);
        Assert.Equal([b], conflict.Values[1].Sources);
    }

    [Fact]
    public void Agreeing_sources_at_different_precision_are_no_conflict()
    {
        Assert.Empty(Conflicts.Of(LeftOpenAi(Says("source:a", "2026"), Says("source:b", "2026-01"), Says("source:c", "2026-01-06"))));
    }

    [Fact]
    public void Sources_that_claim_no_dates_are_no_conflict()
    {
        Assert.Empty(Conflicts.Of(LeftOpenAi(Says("source:a"), Says("source:b"))));
        Assert.Empty(Conflicts.Of(LeftOpenAi()));
    }

    [Fact]
    public void Sources_without_a_date_are_left_out_of_the_values()
    {
        var conflict = Assert.Single(Conflicts.Of(LeftOpenAi(Says("source:a", "2026-01-05"), Says("source:quiet"), Says("source:b", "2026-01-06"))));

        Assert.DoesNotContain(conflict.Values, v => v.Sources.Any(s => s.SourceId == "source:quiet"));
        Assert.Equal(2, conflict.Values.Count);
    }

    [Fact]
    public void Start_and_end_are_separate_conflicts()
    {
        var edge = new GraphEdge("edge:job", Relation.WorkedAt, Person, "org:openai")
        {
            Start = D("2019"),
            End = D("2026-01"),
            Sources = [Says("source:a", "2019", "2026-01-05"), Says("source:b", "2020", "2026-01-07"), Says("source:c", "2019-03")],
        };

        var conflicts = Conflicts.Of(edge).ToList();

        Assert.Equal(["edge:job/start", "edge:job/end"], conflicts.Select(c => c.Id));
        Assert.Equal(["2019", "2019-03", "2020"], conflicts[0].Values.Select(v => v.Value));
        Assert.Equal(["2026-01-05", "2026-01-07"], conflicts[1].Values.Select(v => v.Value));
    }

    [Fact]
    public void Only_the_field_in_disagreement_is_a_conflict()
    {
        var edge = new GraphEdge("edge:job", Relation.WorkedAt, Person, "org:openai")
        {
            Sources = [Says("source:a", "2019", "2026-01-05"), Says("source:b", "2019-07", "2026-01-07")],
        };

        Assert.Equal("end", Assert.Single(Conflicts.Of(edge)).Field);
    }
}
