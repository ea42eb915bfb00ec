using KnowledgeGraph.Core.Careers;
using KnowledgeGraph.Core.Graph;
using static KnowledgeGraph.Core.Tests.Career;

namespace KnowledgeGraph.Core.Tests.Careers;

[Trait("Category", "Unit")]
public class CareerRulesTests
{
    private const string OpenAi = "org:openai";
    private const string Meta = "org:meta";
    private const string Anthropic = "org:anthropic";
    private const string Stanford = "org:stanford";

    private static IReadOnlyList<Tenure> Tenures(params GraphEdge[] edges) => TenureBuilder.Build(edges);

    private static CareerStatus Employed(string org, string? since) => new(CareerStatusKind.Employed, org, Maybe(since));

    private static CareerStatus Departed(string org, string? since) => new(CareerStatusKind.Departed, org, Maybe(since));

    [Fact]
    public void Overlapping_jobs_current_is_the_latest_start()
    {
        var tenures = Tenures(WorkedAt(OpenAi, "2019"), WorkedAt(Meta, "2024-06"));

        Assert.Equal(Meta, CareerRules.CurrentAffiliation(tenures)!.OrganizationId);
        Assert.Equal(Employed(Meta, "2024-06"), CareerRules.Status(tenures));
    }

    [Fact]
    public void Overlapping_jobs_current_does_not_depend_on_edge_order()
    {
        var tenures = Tenures(WorkedAt(Meta, "2024-06"), WorkedAt(OpenAi, "2019"));

        Assert.Equal(Meta, CareerRules.CurrentAffiliation(tenures)!.OrganizationId);
    }

    [Fact]
    public void Same_first_day_the_more_precise_start_is_current()
    {
        var tenures = Tenures(WorkedAt(OpenAi, "2024"), WorkedAt(Meta, "2024-01-01"));

        Assert.Equal(Meta, CareerRules.CurrentAffiliation(tenures)!.OrganizationId);
    }

    [Fact]
    public void A_closed_job_is_not_current_even_if_it_started_later()
    {
        var tenures = Tenures(WorkedAt(OpenAi, "2019"), WorkedAt(Meta, "2024", "2025"));

        Assert.Equal(OpenAi, CareerRules.CurrentAffiliation(tenures)!.OrganizationId);
        Assert.Equal(Employed(OpenAi, "2019"), CareerRules.Status(tenures));
    }

    [Fact]
    public void A_job_with_no_end_is_current_and_employed_since_its_start()
    {
        var tenures = Tenures(WorkedAt(OpenAi, "2019-07", title: "Researcher"));

        var current = CareerRules.CurrentAffiliation(tenures);
        Assert.NotNull(current);
        Assert.Equal("Researcher", current.Title);
        Assert.True(CareerRules.IsCurrent(current, tenures));
        Assert.Equal(Employed(OpenAi, "2019-07"), CareerRules.Status(tenures));
    }

    [Fact]
    public void Left_with_no_worked_at_is_departed_without_an_invented_start()
    {
        var tenures = Tenures(Left(OpenAi, "2024-05"));

        Assert.Null(CareerRules.CurrentAffiliation(tenures));
        Assert.Equal(Departed(OpenAi, "2024-05"), CareerRules.Status(tenures));
        Assert.Null(tenures[0].Start);
        Assert.Empty(CareerRules.ActiveAsOf(tenures, D("2023")));
        Assert.Empty(CareerRules.ActiveAsOf(tenures, D("2024-05")));
        Assert.Empty(CareerRules.ActiveAsOf(tenures, null));
    }

    [Fact]
    public void Left_with_no_date_is_departed_since_an_unknown_date()
    {
        var tenures = Tenures(Left(OpenAi, null));

        Assert.Null(CareerRules.CurrentAffiliation(tenures));
        Assert.Equal(Departed(OpenAi, null), CareerRules.Status(tenures));
        Assert.Empty(CareerRules.ActiveAsOf(tenures, null));
    }

    [Fact]
    public void Worked_at_then_left_with_no_date_is_departed()
    {
        var tenures = Tenures(WorkedAt(OpenAi, "2019"), Left(OpenAi, null));

        Assert.Null(CareerRules.CurrentAffiliation(tenures));
        Assert.Equal(Departed(OpenAi, null), CareerRules.Status(tenures));
        Assert.Empty(CareerRules.ActiveAsOf(tenures, null));
    }

    [Theory]
    [InlineData("2021", "2021")]
    [InlineData("2021-03", "2021")]
    [InlineData("2021", "2021-09")]
    public void Joined_and_left_in_the_same_year_is_departed_since_the_departure(string joined, string left)
    {
        var tenures = Tenures(Joined(OpenAi, joined), Left(OpenAi, left));

        Assert.Null(CareerRules.CurrentAffiliation(tenures));
        Assert.Equal(Departed(OpenAi, left), CareerRules.Status(tenures));
        Assert.Single(CareerRules.ActiveAsOf(tenures, D("2021")));
        Assert.Empty(CareerRules.ActiveAsOf(tenures, D("2022")));
        Assert.Empty(CareerRules.ActiveAsOf(tenures, D("2020")));
    }

    [Fact]
    public void Mixed_precision_is_employed_since_the_precise_date()
    {
        var tenures = Tenures(WorkedAt(OpenAi, "2019"), Joined(OpenAi, "2019-03-01"));

        Assert.Equal(Employed(OpenAi, "2019-03-01"), CareerRules.Status(tenures));
        Assert.Empty(CareerRules.ActiveAsOf(tenures, D("2019-02")));
        Assert.Single(CareerRules.ActiveAsOf(tenures, D("2019")));
        Assert.Single(CareerRules.ActiveAsOf(tenures, D("2019-03")));
    }

    [Fact]
    public void Left_and_came_back_current_is_the_second_tenure()
    {
        var tenures = Tenures(Joined(OpenAi, "2016"), Left(OpenAi, "2018-02"), Joined(OpenAi, "2020-03"));

        var current = CareerRules.CurrentAffiliation(tenures);
        Assert.Same(tenures[1], current);
        Assert.False(CareerRules.IsCurrent(tenures[0], tenures));
        Assert.True(CareerRules.IsCurrent(tenures[1], tenures));
        Assert.Equal(Employed(OpenAi, "2020-03"), CareerRules.Status(tenures));
        Assert.Single(CareerRules.ActiveAsOf(tenures, D("2017")));
        Assert.Empty(CareerRules.ActiveAsOf(tenures, D("2019")));
        Assert.Same(tenures[1], Assert.Single(CareerRules.ActiveAsOf(tenures, D("2021"))));
    }

    [Fact]
    public void A_promotion_keeps_the_person_employed_since_the_first_title()
    {
        var tenures = Tenures(WorkedAt(OpenAi, "2019", title: "Researcher"), WorkedAt(OpenAi, "2025", title: "VP of Research"));

        var current = CareerRules.CurrentAffiliation(tenures);
        Assert.NotNull(current);
        Assert.Equal("VP of Research", current.Title);
        Assert.Equal(Employed(OpenAi, "2019"), CareerRules.Status(tenures));
    }

    [Fact]
    public void Departed_is_since_the_refined_end_of_the_last_tenure()
    {
        var tenures = Tenures(WorkedAt(OpenAi, "2019", "2026-01", "VP of Research"), Left(OpenAi, "2026-01-06"));

        Assert.Equal(Departed(OpenAi, "2026-01-06"), CareerRules.Status(tenures));
    }

    [Fact]
    public void Departed_names_the_organization_left_last()
    {
        var tenures = Tenures(WorkedAt(Meta, "2015", "2018"), WorkedAt(OpenAi, "2018", "2024-05"), WorkedAt("org:google", "2010", "2015"));

        Assert.Equal(Departed(OpenAi, "2024-05"), CareerRules.Status(tenures));
    }

    [Fact]
    public void Study_is_not_employment()
    {
        var tenures = Tenures(StudiedAt(Stanford, "2022", degree: "PhD"));

        Assert.Null(CareerRules.CurrentAffiliation(tenures));
        Assert.Equal(CareerStatus.Unknown, CareerRules.Status(tenures));
        Assert.True(CareerRules.IsCurrent(tenures[0], tenures));
    }

    [Fact]
    public void Finished_study_is_not_a_departure()
    {
        var tenures = Tenures(StudiedAt(Stanford, "2015", "2019", "PhD"));

        Assert.Equal(CareerStatus.Unknown, CareerRules.Status(tenures));
        Assert.Empty(CareerRules.Departures(tenures, Stanford, new Period(null, null)));
    }

    [Fact]
    public void Study_does_not_outrank_a_job()
    {
        var tenures = Tenures(WorkedAt(OpenAi, "2019"), StudiedAt(Stanford, "2022", degree: "PhD"));

        Assert.Equal(Employed(OpenAi, "2019"), CareerRules.Status(tenures));
    }

    [Fact]
    public void No_affiliations_is_unknown()
    {
        Assert.Equal(CareerStatus.Unknown, CareerRules.Status([]));
        Assert.Equal(CareerStatus.Unknown, CareerRules.Status(Tenures(WorkedOn("model:codex", "2021"))));
        Assert.Equal(CareerStatusKind.Unknown, CareerStatus.Unknown.Kind);
        Assert.Null(CareerStatus.Unknown.OrganizationId);
        Assert.Null(CareerStatus.Unknown.Since);
    }

    [Fact]
    public void An_undated_job_is_current_only_when_nothing_is_dated()
    {
        Assert.Equal(Employed(OpenAi, null), CareerRules.Status(Tenures(WorkedAt(OpenAi, null))));
        Assert.Equal(Employed(Meta, "2024"), CareerRules.Status(Tenures(WorkedAt(OpenAi, null), WorkedAt(Meta, "2024"))));
    }

    [Fact]
    public void Departures_in_a_period_name_the_next_affiliation()
    {
        var tenures = Tenures(WorkedAt(OpenAi, "2019", "2025-05"), WorkedAt(Meta, "2025-06", title: "Research Scientist"));

        var departure = Assert.Single(CareerRules.Departures(tenures, OpenAi, new Period(D("2025"), D("2025"))));

        Assert.Equal(Person, departure.PersonId);
        Assert.Equal(OpenAi, departure.OrganizationId);
        Assert.Equal(D("2025-05"), departure.On);
        Assert.Equal(OpenAi, departure.Tenure.OrganizationId);
        Assert.Equal(Meta, departure.Next?.OrganizationId);
        Assert.Equal("Research Scientist", departure.Next?.Title);
    }

    [Fact]
    public void Departures_next_affiliation_is_the_earliest_move_after_leaving()
    {
        var tenures = Tenures(
            WorkedAt(OpenAi, "2019", "2025-05"),
            WorkedAt("org:thinking-machines", "2026"),
            WorkedAt(Meta, "2025-06", "2025-12"),
            WorkedAt(Anthropic, "2018", title: "Advisor"));

        var departure = Assert.Single(CareerRules.Departures(tenures, OpenAi, new Period(null, null)));

        Assert.Equal(Meta, departure.Next?.OrganizationId);
    }

    [Fact]
    public void Departures_next_affiliation_may_start_in_the_same_unit_as_the_departure()
    {
        var tenures = Tenures(WorkedAt(OpenAi, "2019"), Left(OpenAi, "2026-01-06"), Joined(Meta, "2026-01"));

        var departure = Assert.Single(CareerRules.Departures(tenures, OpenAi, new Period(D("2026-01"), D("2026-01"))));

        Assert.Equal(Meta, departure.Next?.OrganizationId);
    }

    [Fact]
    public void Departures_with_no_known_next_job_have_no_next_affiliation()
    {
        var tenures = Tenures(WorkedAt(OpenAi, "2019"), Left(OpenAi, "2026-01"), WorkedAt(Meta, "2015", "2018"));

        var departure = Assert.Single(CareerRules.Departures(tenures, OpenAi, new Period(D("2026"), null)));

        Assert.Equal(D("2026-01"), departure.On);
        Assert.Null(departure.Next);
    }

    [Fact]
    public void Departures_skip_study_as_the_next_affiliation()
    {
        var tenures = Tenures(WorkedAt(OpenAi, "2019", "2022"), StudiedAt(Stanford, "2023", degree: "MBA"));

        Assert.Null(Assert.Single(CareerRules.Departures(tenures, OpenAi, new Period(null, null))).Next);
    }

    [Theory]
    [InlineData("2025", "2025", true)]
    [InlineData("2025-05", "2025-05", true)]
    [InlineData("2025-01", "2025-06", true)]
    [InlineData("2025-06", "2025-12", false)]
    [InlineData("2024", "2024", false)]
    [InlineData(null, "2024", false)]
    [InlineData("2025-05-15", null, false)]
    public void Departures_follow_the_inclusive_period(string? from, string? to, bool listed)
    {
        var tenures = Tenures(WorkedAt(OpenAi, "2019", "2025-05"));

        Assert.Equal(listed, CareerRules.Departures(tenures, OpenAi, new Period(Maybe(from), Maybe(to))).Any());
    }

    [Fact]
    public void A_departure_dated_by_year_is_not_in_a_half_year()
    {
        var tenures = Tenures(Joined(OpenAi, "2019"), Left(OpenAi, "2025"));

        Assert.Single(CareerRules.Departures(tenures, OpenAi, new Period(D("2025"), D("2025"))));
        Assert.Empty(CareerRules.Departures(tenures, OpenAi, new Period(D("2025-01"), D("2025-06"))));
    }

    [Fact]
    public void Departures_include_a_departure_with_no_known_start()
    {
        var tenures = Tenures(Left(OpenAi, "2024-05"), Joined(Anthropic, "2024-05"));

        var departure = Assert.Single(CareerRules.Departures(tenures, OpenAi, new Period(D("2024"), D("2024"))));

        Assert.Null(departure.Tenure.Start);
        Assert.Equal(Anthropic, departure.Next?.OrganizationId);
    }

    [Fact]
    public void Departures_list_each_stay_of_someone_who_came_back()
    {
        var tenures = Tenures(Joined(OpenAi, "2016"), Left(OpenAi, "2018"), Joined(Meta, "2018"), Left(Meta, "2020"), Joined(OpenAi, "2020"), Left(OpenAi, "2024"));

        var departures = CareerRules.Departures(tenures, OpenAi, new Period(null, null)).ToList();

        Assert.Equal([D("2018"), D("2024")], departures.Select(d => d.On!.Value));
        Assert.Equal(Meta, departures[0].Next?.OrganizationId);
        Assert.Null(departures[1].Next);
        Assert.Empty(CareerRules.Departures(tenures, Anthropic, new Period(null, null)));
    }

    [Fact]
    public void Equal_starts_pick_the_same_current_every_time()
    {
        var tenures = Tenures(WorkedAt(OpenAi, "2024-01"), WorkedAt(Meta, "2024-01"));
        var reversed = Tenures(WorkedAt(Meta, "2024-01"), WorkedAt(OpenAi, "2024-01"));

        Assert.Equal(CareerRules.CurrentAffiliation(tenures)!.OrganizationId, CareerRules.CurrentAffiliation(reversed)!.OrganizationId);
    }

    [Fact]
    public void A_researcher_who_left_in_january_2026_is_departed_since_the_shared_month()
    {
        // The sources say the 5th, 6th and 7th; the edge holds the part they share.
        var tenures = Tenures(
            WorkedAt(OpenAi, "2019", title: "Researcher"),
            WorkedAt(OpenAi, "2024", title: "VP of Research"),
            Left(OpenAi, "2026-01"),
            StudiedAt("org:poznan-university", "2008", "2012", "MSc"));

        Assert.Null(CareerRules.CurrentAffiliation(tenures));
        Assert.Equal(Departed(OpenAi, "2026-01"), CareerRules.Status(tenures));
        var stay = Assert.Single(tenures, t => !t.IsStudy);
        Assert.Equal(("VP of Research", D("2019"), D("2026-01")), (stay.Title, stay.Start!.Value, stay.End!.Value));
        Assert.Single(CareerRules.Departures(tenures, OpenAi, new Period(D("2026"), D("2026"))));
        Assert.Empty(CareerRules.Departures(tenures, OpenAi, new Period(D("2025"), D("2025"))));
        Assert.Same(stay, Assert.Single(CareerRules.ActiveAsOf(tenures, D("2025-10"))));
        Assert.Same(stay, Assert.Single(CareerRules.ActiveAsOf(tenures, D("2026-01-07"))));
        Assert.Empty(CareerRules.ActiveAsOf(tenures, D("2026-02")));
    }

    [Fact]
    public void Members_as_of_a_date_are_the_tenures_that_count_then()
    {
        var alice = TenureBuilder.Build([WorkedAt(OpenAi, "2019", "2025")]);
        var bob = TenureBuilder.Build([WorkedAt(OpenAi, "2025-11")]);
        var carol = TenureBuilder.Build([Left(OpenAi, "2025-03")]);
        var all = alice.Concat(bob).Concat(carol).ToList();

        var members = CareerRules.ActiveAsOf(all, D("2025-10")).ToList();

        Assert.Equal([alice[0]], members);
        Assert.Equal([alice[0], bob[0]], CareerRules.ActiveAsOf(all, D("2025")));
        Assert.Equal([bob[0]], CareerRules.ActiveAsOf(all, null));
        Assert.Equal([bob[0]], CareerRules.ActiveAsOf(all, D("2026")));
    }
}
