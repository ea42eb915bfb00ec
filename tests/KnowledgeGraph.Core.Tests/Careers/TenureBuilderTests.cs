using KnowledgeGraph.Core.Careers;
using KnowledgeGraph.Core.Graph;
using static KnowledgeGraph.Core.Tests.Career;

namespace KnowledgeGraph.Core.Tests.Careers;

[Trait("Category", "Unit")]
public class TenureBuilderTests
{
    private const string OpenAi = "org:openai";
    private const string Meta = "org:meta";

    [Fact]
    public void A_job_with_no_end_is_one_open_tenure()
    {
        var edge = WorkedAt(OpenAi, "2019", title: "Researcher");

        var tenure = Assert.Single(TenureBuilder.Build([edge]));

        Assert.Equal(Person, tenure.PersonId);
        Assert.Equal(OpenAi, tenure.OrganizationId);
        Assert.Equal(Relation.WorkedAt, tenure.Relation);
        Assert.Equal(D("2019"), tenure.Start);
        Assert.Null(tenure.End);
        Assert.True(tenure.IsOpen);
        Assert.False(tenure.IsStudy);
        Assert.Equal("Researcher", tenure.Title);
        Assert.Equal([edge], tenure.Edges);
    }

    [Fact]
    public void A_job_with_an_end_is_one_closed_tenure()
    {
        var tenure = Assert.Single(TenureBuilder.Build([WorkedAt(OpenAi, "2019-07", "2023-11")]));

        Assert.Equal(D("2019-07"), tenure.Start);
        Assert.Equal(D("2023-11"), tenure.End);
        Assert.False(tenure.IsOpen);
    }

    [Fact]
    public void Overlapping_jobs_at_two_organizations_are_two_tenures_in_start_order()
    {
        var tenures = TenureBuilder.Build([WorkedAt(Meta, "2024-06"), WorkedAt(OpenAi, "2019", "2025")]);

        Assert.Collection(
            tenures,
            t => Assert.Equal((OpenAi, D("2019"), D("2025")), (t.OrganizationId, t.Start!.Value, t.End!.Value)),
            t => Assert.Equal((Meta, D("2024-06")), (t.OrganizationId, t.Start!.Value)));
        Assert.True(tenures[1].IsOpen);
    }

    [Fact]
    public void A_departure_with_no_known_job_is_a_tenure_with_no_invented_start()
    {
        var left = Left(OpenAi, "2024-05");

        var tenure = Assert.Single(TenureBuilder.Build([left]));

        Assert.Equal(OpenAi, tenure.OrganizationId);
        Assert.Equal(Relation.Left, tenure.Relation);
        Assert.Null(tenure.Start);
        Assert.Equal(D("2024-05"), tenure.End);
        Assert.False(tenure.IsOpen);
        Assert.Equal([left], tenure.Edges);
    }

    [Theory]
    [InlineData("2021", "2021")]
    [InlineData("2021-03", "2021")]
    [InlineData("2021-03-15", "2021-03")]
    [InlineData("2021-03-15", "2021")]
    [InlineData("2021", "2021-09")]
    [InlineData("2021-03", "2021-09-30")]
    [InlineData("2021-03-15", "2021-03-15")]
    public void Joined_and_left_in_the_same_year_is_one_closed_tenure(string joined, string left)
    {
        var tenure = Assert.Single(TenureBuilder.Build([Left(OpenAi, left), Joined(OpenAi, joined)]));

        Assert.Equal(D(joined), tenure.Start);
        Assert.Equal(D(left), tenure.End);
        Assert.Equal(Relation.Joined, tenure.Relation);
        Assert.False(tenure.IsOpen);
        Assert.Equal(2, tenure.Edges.Count);
    }

    [Theory]
    [InlineData("2021", "2021")]
    [InlineData("2021-03", "2021")]
    [InlineData("2021-03-15", "2021-03")]
    [InlineData("2021", "2021-09")]
    public void A_job_that_starts_and_ends_in_the_same_year_is_one_closed_tenure(string start, string end)
    {
        var tenure = Assert.Single(TenureBuilder.Build([WorkedAt(OpenAi, start, end)]));

        Assert.Equal(D(start), tenure.Start);
        Assert.Equal(D(end), tenure.End);
    }

    [Fact]
    public void Mixed_precision_opens_are_one_tenure_with_the_more_precise_start()
    {
        var tenure = Assert.Single(TenureBuilder.Build([WorkedAt(OpenAi, "2019", title: "Researcher"), Joined(OpenAi, "2019-03-01")]));

        Assert.Equal(D("2019-03-01"), tenure.Start);
        Assert.Equal("Researcher", tenure.Title);
        Assert.Equal(Relation.WorkedAt, tenure.Relation);
        Assert.True(tenure.IsOpen);
        Assert.Equal(2, tenure.Edges.Count);
    }

    [Fact]
    public void Mixed_precision_the_other_way_round_gives_the_same_start()
    {
        var tenure = Assert.Single(TenureBuilder.Build([Joined(OpenAi, "2019"), WorkedAt(OpenAi, "2019-03-01", title: "Researcher")]));

        Assert.Equal(D("2019-03-01"), tenure.Start);
        Assert.Equal(Relation.WorkedAt, tenure.Relation);
    }

    [Fact]
    public void An_undated_open_takes_the_start_of_a_dated_one()
    {
        var tenure = Assert.Single(TenureBuilder.Build([Joined(OpenAi, null), WorkedAt(OpenAi, "2019")]));

        Assert.Equal(D("2019"), tenure.Start);
    }

    [Fact]
    public void Opens_that_disagree_keep_the_earlier_start()
    {
        var tenure = Assert.Single(TenureBuilder.Build([Joined(OpenAi, "2019-03"), WorkedAt(OpenAi, "2019-05")]));

        Assert.Equal(D("2019-03"), tenure.Start);
    }

    [Fact]
    public void Left_and_came_back_is_two_tenures()
    {
        var tenures = TenureBuilder.Build([Joined(OpenAi, "2016"), Left(OpenAi, "2018-02"), Joined(OpenAi, "2020-03")]);

        Assert.Collection(
            tenures,
            t => Assert.Equal((D("2016"), D("2018-02")), (t.Start!.Value, t.End!.Value)),
            t => Assert.Equal((D("2020-03"), true), (t.Start!.Value, t.IsOpen)));
    }

    [Fact]
    public void Two_jobs_at_one_place_with_a_gap_are_two_tenures()
    {
        var tenures = TenureBuilder.Build([WorkedAt(OpenAi, "2016", "2018"), WorkedAt(OpenAi, "2020")]);

        Assert.Equal(2, tenures.Count);
        Assert.Equal(D("2018"), tenures[0].End);
        Assert.True(tenures[1].IsOpen);
    }

    [Fact]
    public void Came_back_and_left_again_in_the_same_year_is_two_closed_tenures()
    {
        var tenures = TenureBuilder.Build([Joined(OpenAi, "2016"), Left(OpenAi, "2018"), Joined(OpenAi, "2021-03"), Left(OpenAi, "2021")]);

        Assert.Collection(
            tenures,
            t => Assert.Equal((D("2016"), D("2018")), (t.Start!.Value, t.End!.Value)),
            t => Assert.Equal((D("2021-03"), D("2021")), (t.Start!.Value, t.End!.Value)));
    }

    [Fact]
    public void A_promotion_does_not_end_the_tenure()
    {
        var tenure = Assert.Single(TenureBuilder.Build([WorkedAt(OpenAi, "2019", title: "Researcher"), WorkedAt(OpenAi, "2025", title: "VP of Research")]));

        Assert.Equal(D("2019"), tenure.Start);
        Assert.Null(tenure.End);
        Assert.Equal("VP of Research", tenure.Title);
        Assert.Equal(2, tenure.Edges.Count);
    }

    [Theory]
    [InlineData("2025", "2025")]
    [InlineData("2025", "2025-03")]
    [InlineData("2025-02", "2025-02")]
    [InlineData("2025-02-28", "2025-03-01")]
    [InlineData("2025-02", "2025-03")]
    [InlineData("2024", "2025-01")]
    [InlineData("2024", "2025")]
    public void A_promotion_whose_earlier_title_ends_as_the_next_begins_is_one_tenure(string end, string next)
    {
        var tenure = Assert.Single(TenureBuilder.Build([WorkedAt(OpenAi, "2019", end, "Researcher"), WorkedAt(OpenAi, next, title: "VP of Research")]));

        Assert.Equal(D("2019"), tenure.Start);
        Assert.True(tenure.IsOpen);
        Assert.Equal("VP of Research", tenure.Title);
    }

    [Fact]
    public void Titles_with_a_gap_between_them_are_two_tenures()
    {
        var tenures = TenureBuilder.Build([WorkedAt(OpenAi, "2019", "2022-06", "Researcher"), WorkedAt(OpenAi, "2022-08", title: "VP of Research")]);

        Assert.Equal(2, tenures.Count);
        Assert.Equal(D("2022-06"), tenures[0].End);
        Assert.Equal(D("2022-08"), tenures[1].Start);
    }

    [Fact]
    public void Titles_held_at_the_same_time_end_with_the_last_of_them()
    {
        var tenure = Assert.Single(TenureBuilder.Build([WorkedAt(OpenAi, "2019", "2023", "Researcher"), WorkedAt(OpenAi, "2020", "2022", "Team lead")]));

        Assert.Equal(D("2019"), tenure.Start);
        Assert.Equal(D("2023"), tenure.End);
    }

    [Theory]
    [InlineData("2026-01", "2026-01-06", "2026-01-06")]
    [InlineData("2026-01-06", "2026-01", "2026-01-06")]
    [InlineData("2026", "2026-01-06", "2026-01-06")]
    [InlineData("2026-01-06", "2026-01-06", "2026-01-06")]
    public void A_job_end_and_a_departure_in_the_same_unit_are_one_tenure_with_the_refined_end(string end, string left, string expected)
    {
        var tenure = Assert.Single(TenureBuilder.Build([WorkedAt(OpenAi, "2019", end, "VP of Research"), Left(OpenAi, left)]));

        Assert.Equal(D("2019"), tenure.Start);
        Assert.Equal(D(expected), tenure.End);
        Assert.Equal(2, tenure.Edges.Count);
    }

    [Fact]
    public void A_departure_closes_a_job_that_has_no_end()
    {
        var tenure = Assert.Single(TenureBuilder.Build([WorkedAt(OpenAi, "2019", title: "VP of Research"), Left(OpenAi, "2026-01")]));

        Assert.Equal(D("2026-01"), tenure.End);
        Assert.Equal("VP of Research", tenure.Title);
    }

    [Fact]
    public void An_undated_departure_closes_the_running_job()
    {
        var tenure = Assert.Single(TenureBuilder.Build([WorkedAt(OpenAi, "2019"), Left(OpenAi, null)]));

        Assert.Equal(D("2019"), tenure.Start);
        Assert.False(tenure.IsOpen);
    }

    [Fact]
    public void An_undated_departure_alone_is_not_an_open_tenure()
    {
        var tenure = Assert.Single(TenureBuilder.Build([Left(OpenAi, null)]));

        Assert.Null(tenure.Start);
        Assert.False(tenure.IsOpen);
    }

    [Fact]
    public void Founding_opens_a_tenure()
    {
        var tenure = Assert.Single(TenureBuilder.Build([Founded("org:ssi", "2024-06"), WorkedAt("org:ssi", "2024", title: "Chief Scientist")]));

        Assert.Equal(D("2024-06"), tenure.Start);
        Assert.Equal("Chief Scientist", tenure.Title);
        Assert.True(tenure.IsOpen);
    }

    [Fact]
    public void Study_is_its_own_tenure_beside_a_job_at_the_same_place()
    {
        var tenures = TenureBuilder.Build([StudiedAt("org:stanford", "2010", "2015", "PhD"), WorkedAt("org:stanford", "2014", "2016", "Lecturer")]);

        Assert.Equal(2, tenures.Count);
        var study = Assert.Single(tenures, t => t.IsStudy);
        Assert.Equal((Relation.StudiedAt, "PhD", D("2010"), D("2015")), (study.Relation, study.Title, study.Start!.Value, study.End!.Value));
        var job = Assert.Single(tenures, t => !t.IsStudy);
        Assert.Equal((Relation.WorkedAt, "Lecturer", D("2014"), D("2016")), (job.Relation, job.Title, job.Start!.Value, job.End!.Value));
    }

    [Fact]
    public void Contributions_are_not_affiliations()
    {
        Assert.Empty(TenureBuilder.Build([WorkedOn("model:codex", "2021", "Research lead")]));
    }

    [Fact]
    public void An_end_before_the_start_does_not_break_the_build()
    {
        var tenure = Assert.Single(TenureBuilder.Build([WorkedAt(OpenAi, "2021", "2019")]));

        Assert.Equal(D("2021"), tenure.Start);
        Assert.False(tenure.IsOpen);
    }

    [Fact]
    public void Each_edge_is_kept_once_in_the_provenance()
    {
        var job = WorkedAt(OpenAi, "2019", "2026-01-06");
        var left = Left(OpenAi, "2026-01");

        var tenure = Assert.Single(TenureBuilder.Build([job, left]));

        Assert.Equal(2, tenure.Edges.Count);
        Assert.Contains(job, tenure.Edges);
        Assert.Contains(left, tenure.Edges);
    }

    [Fact]
    public void Edges_of_other_organizations_do_not_mix()
    {
        var tenures = TenureBuilder.Build([Joined(OpenAi, "2019"), Left(Meta, "2021"), Joined(Meta, "2022")]);

        Assert.Equal(3, tenures.Count);
        Assert.True(Assert.Single(tenures, t => t.OrganizationId == OpenAi).IsOpen);
    }

    [Fact]
    public void A_tenure_with_a_recorded_departure_is_not_open_even_without_an_end()
    {
        var tenure = new Tenure(Person, OpenAi, Relation.WorkedAt) { Start = D("2019"), Edges = [WorkedAt(OpenAi, "2019"), Left(OpenAi, null)] };

        Assert.False(tenure.IsOpen);
        Assert.True((tenure with { Edges = [] }).IsOpen);
    }

    [Fact]
    public void No_edges_give_no_tenures() => Assert.Empty(TenureBuilder.Build([]));
}
