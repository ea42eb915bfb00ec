using KnowledgeGraph.Core.Analytics;
using KnowledgeGraph.Core.Careers;
using KnowledgeGraph.Core.Graph;
using static KnowledgeGraph.Core.Tests.Career;

namespace KnowledgeGraph.Core.Tests.Analytics;

/// <summary>The people of A ranked by what they built, on a hand-built graph.</summary>
[Trait("Category", "Unit")]
public class KeyPeopleTests
{
    private const string A = "org:a";

    // ann  A 2019..2025-03, then B; worked on x, led y, authored p   -> 2 models (1 led), 1 paper: 3 works
    // bob  A since 2020; worked on x twice, authored p and q, led a team (no work) -> 1 model, 2 papers: 3 works
    // cat  A 2018..2025-06, nothing after; led z                     -> 1 model led: 1 work
    // fay  A 2010..2012; worked on x                                 -> 1 model: 1 work
    // dan  A since 2021, built nothing                                -> not listed
    // eve  only at B; led w and v                                     -> not of A
    private static readonly Someone[] Graph =
    [
        new Someone("ann").WorkedAt(A, "2019", "2025-03").WorkedAt("org:b", "2025-04").WorkedOn("model:x").Led("model:y").Authored("paper:p"),
        new Someone("bob").WorkedAt(A, "2020").WorkedOn("model:x", "data").WorkedOn("model:x", "evals").Authored("paper:p").Authored("paper:q").Led("org:a-team"),
        new Someone("cat").WorkedAt(A, "2018", "2025-06").Led("model:z"),
        new Someone("fay").WorkedAt(A, "2010", "2012").WorkedOn("model:x"),
        new Someone("dan").WorkedAt(A, "2021"),
        new Someone("eve").WorkedAt("org:b", "2020").Led("model:w").Led("model:v"),
    ];

    private static NodeKind? KindOf(string id) =>
        id.StartsWith("model:", StringComparison.Ordinal) ? NodeKind.Model : id.StartsWith("paper:", StringComparison.Ordinal) ? NodeKind.Paper : null;

    private static IReadOnlyList<KeyPerson> Rank(bool? left, string? from = null, string? to = null) =>
        KeyPeople.Rank(A, Graph.Select(p => p.Edges), left, new Period(Maybe(from), Maybe(to)), KindOf);

    [Fact]
    public void Everyone_of_a_ranked_by_works_then_models_led()
    {
        var ranked = Rank(left: null);

        Assert.Equal(["person:ann", "person:bob", "person:cat", "person:fay"], ranked.Select(p => p.PersonId));
        Assert.Equal((2, 1, 1, 3), (ranked[0].Models, ranked[0].ModelsLed, ranked[0].Papers, ranked[0].Works));
        Assert.Equal((1, 0, 2, 3), (ranked[1].Models, ranked[1].ModelsLed, ranked[1].Papers, ranked[1].Works));
    }

    [Fact]
    public void Left_in_2025_keeps_ann_and_cat_with_their_status()
    {
        var ranked = Rank(left: true, "2025", "2025");

        Assert.Equal(["person:ann", "person:cat"], ranked.Select(p => p.PersonId));
        Assert.Equal(new CareerStatus(CareerStatusKind.Employed, "org:b", D("2025-04")), ranked[0].Status);
        Assert.Equal(new CareerStatus(CareerStatusKind.Departed, A, D("2025-06")), ranked[1].Status);
        Assert.Equal(D("2025-03"), ranked[0].Tenure.End);
        Assert.False(ranked[0].IsCurrent);
    }

    [Fact]
    public void Still_there_keeps_bob_only()
    {
        var bob = Assert.Single(Rank(left: false));

        Assert.Equal("person:bob", bob.PersonId);
        Assert.True(bob.IsCurrent);
    }

    [Fact]
    public void A_period_keeps_tenures_overlapping_it()
    {
        Assert.Equal(["person:fay"], Rank(left: null, "2011", "2011").Select(p => p.PersonId));
        Assert.Empty(Rank(left: false, "2019", "2019"));
        Assert.Equal(["person:ann", "person:cat"], Rank(left: null, "2019", "2019").Select(p => p.PersonId));
    }
}
