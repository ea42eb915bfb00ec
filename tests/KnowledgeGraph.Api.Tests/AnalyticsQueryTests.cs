using System.Reflection;
using System.Text.Json.Nodes;
using KnowledgeGraph.Api.GraphQL.Analytics;
using KnowledgeGraph.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Api.Tests;

/// <summary>The dashboard aggregates (talent flow, departure statistics, tenure, key people) on the seed data, through the real host.</summary>
[Trait("Category", "Api")]
public sealed class AnalyticsQueryTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static IEnumerable<JsonNode> Items(JsonNode? list) => list!.AsArray().Select(n => n!);

    private static string Name(JsonNode? node) => node!["name"]!.GetValue<string>();

    [Fact]
    public async Task Talent_flow_from_openai_to_meta_superintelligence_labs_in_2025_has_at_least_eight_people()
    {
        var data = await host.DataAsync("""
            { talentFlow(from: "2025", to: "2025", organizations: ["OpenAI"]) { from { name } to { name } count people { name } } }
            """);
        var flows = Items(data["talentFlow"]).ToList();
        var toMsl = flows.Single(f => Name(f["from"]) == "OpenAI" && Name(f["to"]) == "Meta Superintelligence Labs");
        var people = Items(toMsl["people"]).Select(Name).ToList();

        Assert.True(toMsl["count"]!.GetValue<int>() >= 8, $"expected at least 8 people, got {ApiHost.Json(toMsl)}");
        Assert.Equal(toMsl["count"]!.GetValue<int>(), people.Count);
        Assert.Contains("Jason Wei", people);
        Assert.Contains("Lucas Beyer", people);
        Assert.DoesNotContain("Jerry Tworek", people); // left in 2026
        Assert.Same(toMsl, flows[0]); // the biggest flow comes first
        Assert.All(flows, f => Assert.True(Name(f["from"]) == "OpenAI" || Name(f["to"]) == "OpenAI"));
    }

    [Fact]
    public async Task Whole_graph_talent_flow_includes_moves_between_other_labs()
    {
        var data = await host.DataAsync("""{ talentFlow(from: "2025", to: "2025") { from { id } to { id } count } }""");
        var flows = Items(data["talentFlow"]).ToList();

        Assert.Contains(flows, f => f["from"]!["id"]!.GetValue<string>() != "org:openai" && f["to"]!["id"]!.GetValue<string>() != "org:openai");
        var counts = flows.Select(f => f["count"]!.GetValue<int>()).ToList();
        Assert.Equal(counts.OrderByDescending(c => c), counts);
    }

    [Fact]
    public async Task Departure_stats_of_openai_in_2025_by_quarter_add_up()
    {
        var data = await host.DataAsync("""
            { departureStats(organization: "OpenAI", from: "2025", to: "2025", by: QUARTER) {
                organization { id } by count tooCoarse undated unknownCount unknownShare
                destinations { organization { name } count share }
                buckets { label start end count unknownCount unknownShare destinations { organization { name } count share people { name } } } } }
            """);
        var stats = data["departureStats"]!;
        var buckets = Items(stats["buckets"]).ToList();

        Assert.Equal("org:openai", stats["organization"]!["id"]!.GetValue<string>());
        Assert.Equal("QUARTER", stats["by"]!.GetValue<string>());
        Assert.Equal(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"], buckets.Select(b => b["label"]!.GetValue<string>()));
        Assert.Equal(["2025-04", "2025-06"], new[] { buckets[1]["start"]!.GetValue<string>(), buckets[1]["end"]!.GetValue<string>() });

        // Every departure of the year is in a quarter or too coarse for one ("2025"); none is undated in a bounded period.
        var total = stats["count"]!.GetValue<int>();
        Assert.Equal(0, stats["undated"]!.GetValue<int>());
        Assert.Equal(total, buckets.Sum(b => b["count"]!.GetValue<int>()) + stats["tooCoarse"]!.GetValue<int>());
        Assert.True(total >= 8, $"expected OpenAI's 2025 departures, got {total}");

        // Shares: each bucket's destinations and unknown add up to 1, and most went to Meta Superintelligence Labs.
        foreach (var bucket in buckets.Where(b => b["count"]!.GetValue<int>() > 0).Append(stats))
        {
            var sum = Items(bucket["destinations"]).Sum(d => d["share"]!.GetValue<double>()) + bucket["unknownShare"]!.GetValue<double>();
            Assert.Equal(1.0, sum, 9);
        }

        Assert.Equal("Meta Superintelligence Labs", Name(Items(stats["destinations"]).First()["organization"]));
        var summer = Items(buckets[2]["destinations"]).SelectMany(d => Items(d["people"])).Select(Name).ToList();
        Assert.Contains("Jason Wei", summer); // left in July 2025
    }

    [Fact]
    public async Task A_year_only_departure_is_too_coarse_by_month_but_placed_by_year()
    {
        const string Query = """
            query($by: Granularity!) { departureStats(organization: "org:openai", from: "2025", to: "2025", by: $by) { count tooCoarse buckets { count } } }
            """;
        var byMonth = (await host.DataAsync(Query, new { by = "MONTH" }))["departureStats"]!;
        var byYear = (await host.DataAsync(Query, new { by = "YEAR" }))["departureStats"]!;

        Assert.Equal(12, byMonth["buckets"]!.AsArray().Count);
        Assert.Equal(byYear["count"]!.GetValue<int>(), byMonth["count"]!.GetValue<int>());
        Assert.Equal(0, byYear["tooCoarse"]!.GetValue<int>());
        Assert.Equal(byYear["count"]!.GetValue<int>(), Items(byYear["buckets"]).Single()["count"]!.GetValue<int>());
        Assert.Equal(
            byMonth["count"]!.GetValue<int>() - byMonth["tooCoarse"]!.GetValue<int>(),
            Items(byMonth["buckets"]).Sum(b => b["count"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Tenure_at_openai_measures_month_precise_tenures_and_counts_the_rest()
    {
        var data = await host.DataAsync("""
            { tenure(organization: "OpenAI") { asOf leftOut completed { count medianMonths p90Months leftOut } ongoing { count medianMonths p90Months leftOut } } }
            """);
        var tenure = data["tenure"]!;
        var completed = tenure["completed"]!;
        var ongoing = tenure["ongoing"]!;

        Assert.True(completed["count"]!.GetValue<int>() > 0);
        Assert.True(ongoing["count"]!.GetValue<int>() > 0);
        Assert.True(completed["medianMonths"]!.GetValue<double>() <= completed["p90Months"]!.GetValue<double>());
        Assert.Equal(tenure["leftOut"]!.GetValue<int>(), completed["leftOut"]!.GetValue<int>() + ongoing["leftOut"]!.GetValue<int>());
        Assert.True(tenure["leftOut"]!.GetValue<int>() > 0, "the seed data has year-only dates, which are left out");
        Assert.Matches(@"^\d{4}-\d{2}$", tenure["asOf"]!.GetValue<string>());
    }

    [Fact]
    public async Task Key_people_who_left_openai_in_2025_are_ranked_by_what_they_built_with_their_status()
    {
        var data = await host.DataAsync("""
            { keyPeople(organization: "OpenAI", left: true, from: "2025", to: "2025", first: 10) {
                person { name } works models modelsLed papers status { kind organization { name } } affiliation { end isCurrent } } }
            """);
        var people = Items(data["keyPeople"]).ToList();

        Assert.NotEmpty(people);
        var works = people.Select(p => p["works"]!.GetValue<int>()).ToList();
        Assert.Equal(works.OrderByDescending(w => w), works);
        Assert.All(people, p =>
        {
            Assert.True(p["works"]!.GetValue<int>() > 0);
            Assert.Equal(p["works"]!.GetValue<int>(), p["models"]!.GetValue<int>() + p["papers"]!.GetValue<int>());
            Assert.StartsWith("2025", p["affiliation"]!["end"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.False(p["affiliation"]!["isCurrent"]!.GetValue<bool>());
        });
        Assert.Contains(people, p => p["status"]!["kind"]!.GetValue<string>() == "EMPLOYED" && Name(p["status"]!["organization"]) == "Meta Superintelligence Labs");
    }

    [Fact]
    public async Task Key_people_still_at_openai_are_current_there()
    {
        var data = await host.DataAsync("""{ keyPeople(organization: "org:openai", left: false, first: 5) { person { name } status { kind organization { id } } affiliation { isCurrent } } }""");
        var people = Items(data["keyPeople"]).ToList();

        Assert.NotEmpty(people);
        Assert.Contains(people, p => Name(p["person"]) == "Mark Chen");
        Assert.DoesNotContain(people, p => Name(p["person"]) == "Jerry Tworek");
    }

    [Fact]
    public async Task Each_aggregate_takes_a_fixed_number_of_store_calls_whatever_the_number_of_people()
    {
        var calls = new List<string>();
        await using var counted = new ApiHost
        {
            ConfigureTestServices = services =>
            {
                var inner = services.Single(d => d.ServiceType == typeof(IGraphStore));
                services.Remove(inner);
                services.AddSingleton(sp => CountingStore.Wrap((IGraphStore)inner.ImplementationFactory!(sp), calls));
                services.AddAnalytics();
            },
        };
        await counted.InitializeAsync();
        foreach (var query in new[]
        {
            """{ talentFlow(from: "2025", to: "2025") { from { name } to { name } count people { name } } }""",
            """{ departureStats(organization: "OpenAI", from: "2025", to: "2025", by: MONTH) { count buckets { destinations { organization { name } people { name } } } departures { person { name } nextAffiliation { organization { name } } } } }""",
            """{ tenure(organization: "OpenAI") { completed { count } } }""",
            """{ keyPeople(organization: "OpenAI") { person { name } status { kind organization { name } } affiliation { organization { name } } } }""",
        })
        {
            lock (calls)
            {
                calls.Clear();
            }

            var result = await counted.QueryAsync(query);
            Assert.True(result["errors"] is null, ApiHost.Json(result["errors"]));
            lock (calls)
            {
                // find the organization, the date-first read or the members, careers, nodes (people, organizations), tenures.
                Assert.True(calls.Count <= 6, $"{calls.Count} store calls for {query}: {string.Join(", ", calls)}");
            }
        }
    }

    [Theory]
    [InlineData("""{ departureStats(organization: "No Such Lab") { count } }""", "No organization")]
    [InlineData("""{ talentFlow(from: "2026", to: "2025") { count } }""", "is after")]
    [InlineData("""{ departureStats(organization: "OpenAI", from: "1900", to: "2025", by: MONTH) { count } }""", "maximum is 1200")]
    [InlineData("""{ keyPeople(organization: "OpenAI", first: 100000) { works } }""", "maximum page size")]
    public async Task Bad_arguments_are_errors_that_say_what_to_change(string query, string message)
    {
        var result = await host.QueryAsync(query);

        Assert.Contains(message, result["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>Forwards every call to the real store and writes down the reads.</summary>
    public class CountingStore : DispatchProxy
    {
        private IGraphStore _inner = null!;
        private List<string> _calls = null!;

        public static IGraphStore Wrap(IGraphStore inner, List<string> calls)
        {
            var proxy = Create<IGraphStore, CountingStore>();
            var counting = (CountingStore)(object)proxy;
            counting._inner = inner;
            counting._calls = calls;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name.StartsWith("Get", StringComparison.Ordinal) || targetMethod.Name.StartsWith("Find", StringComparison.Ordinal))
            {
                lock (_calls)
                {
                    _calls.Add(targetMethod.Name);
                }
            }

            return targetMethod.Invoke(_inner, args);
        }
    }
}
