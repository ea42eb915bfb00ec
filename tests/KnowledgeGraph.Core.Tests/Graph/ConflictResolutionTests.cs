using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;
using static KnowledgeGraph.Core.Tests.Career;

namespace KnowledgeGraph.Core.Tests.Graph;

[Trait("Category", "Unit")]
public class ConflictResolutionTests
{
    private static readonly (PartialDate? Start, PartialDate? End)[] ThreeDaysTwoEnds =
        [(D("2026-01-05"), D("2026-03")), (D("2026-01-06"), D("2027")), (D("2026-01-07"), null)];

    private static ConflictResolution Chose(string field, string value) => new("edge:x", field, D(value), DateTimeOffset.UnixEpoch);

    [Fact]
    public void Without_a_choice_the_edge_holds_what_the_sources_settle_to()
    {
        var settled = ClaimedDates.SettleEdge(ThreeDaysTwoEnds, []);

        Assert.Equal(new SettledDates(D("2026-01"), D("2026-03"), true), settled);
    }

    [Fact]
    public void A_choice_for_one_field_holds_there_and_the_other_field_can_still_be_disputed()
    {
        var settled = ClaimedDates.SettleEdge(ThreeDaysTwoEnds, [Chose("start", "2026-01-06")]);

        Assert.Equal(new SettledDates(D("2026-01-06"), D("2026-03"), true), settled);
    }

    [Fact]
    public void Choices_for_both_fields_leave_no_conflict()
    {
        var settled = ClaimedDates.SettleEdge(ThreeDaysTwoEnds, [Chose("start", "2026-01-06"), Chose("end", "2027")]);

        Assert.Equal(new SettledDates(D("2026-01-06"), D("2027"), false), settled);
    }

    [Fact]
    public void Resolved_fields_are_left_out_of_the_conflicts()
    {
        var edge = new GraphEdge("edge:x", Relation.WorkedAt, Person, "org:openai")
        {
            Sources = [new SourceRef("a") { ClaimedStart = D("2019-03"), ClaimedEnd = D("2025") }, new SourceRef("b") { ClaimedStart = D("2019-07"), ClaimedEnd = D("2026") }],
        };

        Assert.Equal(["start", "end"], Conflicts.Of(edge).Select(c => c.Field));
        Assert.Equal(["end"], Conflicts.Of(edge, ["start"]).Select(c => c.Field));
    }

    [Theory]
    [InlineData("edge:ab12/start", "edge:ab12", "start")]
    [InlineData("edge:ab12/end", "edge:ab12", "end")]
    [InlineData("edge:ab12", "edge:ab12", null)]
    public void Conflict_ids_name_the_edge_and_the_field(string id, string edgeId, string? field)
    {
        Assert.Equal((edgeId, field), ConflictResolution.ParseConflictId(id));
    }

    [Fact]
    public void A_conflict_id_with_another_field_is_refused_naming_it()
    {
        var error = Assert.Throws<FormatException>(() => ConflictResolution.ParseConflictId("edge:ab12/role"));

        Assert.Contains("'role'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_founder_contradiction_id_is_refused_saying_what_to_do_instead()
    {
        var error = Assert.Throws<FormatException>(() => ConflictResolution.ParseConflictId("edge:ab12/founder"));

        Assert.Contains("founder contradiction", error.Message, StringComparison.Ordinal);
        Assert.Contains("retractSource", error.Message, StringComparison.Ordinal);
    }
}
