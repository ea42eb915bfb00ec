using KnowledgeGraph.Core.Analytics;
using KnowledgeGraph.Core.Careers;
using static KnowledgeGraph.Core.Tests.Career;

namespace KnowledgeGraph.Core.Tests.Analytics;

/// <summary>Moves from A to B on a seven-person graph, each answer worked out by hand.</summary>
[Trait("Category", "Unit")]
public class TalentFlowsTests
{
    private const string A = "org:a";
    private const string B = "org:b";
    private const string C = "org:c";
    private const string U = "org:u";

    // ann  A 2019..2025-03, then B 2025-04            -> A→B, left 2025-03
    // bob  A 2020-01, LEFT A "2025", JOINED B 2025-07 -> A→B, left "2025" (in 2025, not in 2025-01..2025-06)
    // cat  A 2018..2025-06-30, then C 2025-07-01      -> A→C
    // dan  A 2021..2024-12, then B 2025-01            -> A→B, but in 2024
    // eve  B 2019-05..2025-02, nothing after          -> a departure, no flow
    // fay  C 2022..2025-09, then A 2025-10            -> C→A
    // gus  studied at U until 2025-05, then A         -> study ends are no departures
    private static readonly Someone[] Graph =
    [
        new Someone("ann").WorkedAt(A, "2019", "2025-03").WorkedAt(B, "2025-04"),
        new Someone("bob").WorkedAt(A, "2020-01").Left(A, "2025").Joined(B, "2025-07"),
        new Someone("cat").WorkedAt(A, "2018", "2025-06-30").WorkedAt(C, "2025-07-01"),
        new Someone("dan").WorkedAt(A, "2021", "2024-12").WorkedAt(B, "2025-01"),
        new Someone("eve").WorkedAt(B, "2019-05", "2025-02"),
        new Someone("fay").WorkedAt(C, "2022", "2025-09").WorkedAt(A, "2025-10"),
        new Someone("gus").StudiedAt(U, "2015", "2025-05").WorkedAt(A, "2025-06"),
    ];

    private static List<string> Flows(Period period, IReadOnlySet<string>? organizations = null) =>
        TalentFlows.Between(Graph.Select(p => p.Tenures), period, organizations)
            .Select(f => $"{f.FromOrganizationId}->{f.ToOrganizationId}: {string.Join(',', f.PersonIds)}")
            .ToList();

    [Fact]
    public void In_2025_two_went_from_a_to_b_one_from_a_to_c_and_one_from_c_to_a()
    {
        Assert.Equal(
            ["org:a->org:b: person:ann,person:bob", "org:a->org:c: person:cat", "org:c->org:a: person:fay"],
            Flows(new Period(D("2025"), D("2025"))));
    }

    [Fact]
    public void A_departure_dated_only_2025_is_not_in_the_first_half_of_2025()
    {
        Assert.Equal(
            ["org:a->org:b: person:ann", "org:a->org:c: person:cat"],
            Flows(new Period(D("2025-01"), D("2025-06"))));
    }

    [Fact]
    public void Unbounded_counts_every_move()
    {
        var flows = TalentFlows.Between(Graph.Select(p => p.Tenures), new Period(null, null));

        Assert.Equal((A, B, 3), (flows[0].FromOrganizationId, flows[0].ToOrganizationId, flows[0].Count));
        Assert.Equal(3, flows.Count);
    }

    [Fact]
    public void Organizations_keep_flows_leaving_or_reaching_them()
    {
        Assert.Equal(
            ["org:a->org:c: person:cat", "org:c->org:a: person:fay"],
            Flows(new Period(D("2025"), D("2025")), new HashSet<string> { C }));
    }

    [Fact]
    public void The_same_move_twice_in_the_period_counts_the_person_once()
    {
        var hal = new Someone("hal")
            .WorkedAt(A, "2025-01", "2025-02").WorkedAt(B, "2025-03", "2025-05")
            .WorkedAt(A, "2025-06", "2025-08").WorkedAt(B, "2025-09");

        var flows = TalentFlows.Between([hal.Tenures], new Period(D("2025"), D("2025")));

        Assert.Equal(["org:a->org:b:1", "org:b->org:a:1"], flows.Select(f => $"{f.FromOrganizationId}->{f.ToOrganizationId}:{f.Count}"));
    }
}
