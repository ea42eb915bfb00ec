using System.Text.Json.Nodes;

namespace KnowledgeGraph.Api.Tests;

/// <summary>The career questions of the contract, answered from the seed data through the real host.</summary>
[Trait("Category", "Api")]
public sealed class CareerQueryTests(ApiHost host) : IClassFixture<ApiHost>
{
    private static IEnumerable<JsonNode> Items(JsonNode? list) => list!.AsArray().Select(n => n!);

    [Fact]
    public async Task Codex_builders_list_jerry_tworek_as_departed_since_january_2026()
    {
        var data = await host.DataAsync("""
            { model(name: "codex") { name builders { relation person { name status { kind since }
              currentAffiliation { organization { name } } } } } }
            """);

        Assert.Equal("Codex", data["model"]!["name"]!.GetValue<string>());
        var builders = Items(data["model"]!["builders"]).ToList();
        Assert.True(builders.Count >= 20, $"expected the Codex paper's builders, got {builders.Count}");
        var jerry = builders.First(b => b["person"]!["name"]!.GetValue<string>() == "Jerry Tworek");
        Assert.Equal("DEPARTED", jerry["person"]!["status"]!["kind"]!.GetValue<string>());
        Assert.Equal("2026-01", jerry["person"]!["status"]!["since"]!.GetValue<string>());
        Assert.Null(jerry["person"]!["currentAffiliation"]);

        // Others are where the seed data says they are now.
        string? CurrentOf(string name) => builders.First(b => b["person"]!["name"]!.GetValue<string>() == name)["person"]!["currentAffiliation"]?["organization"]?["name"]?.GetValue<string>();
        Assert.Equal("OpenAI", CurrentOf("Mark Chen"));
        Assert.Equal("Anthropic", CurrentOf("Jan Leike"));
        Assert.Equal("Safe Superintelligence", CurrentOf("Ilya Sutskever"));
    }

    [Fact]
    public async Task Model_lookup_by_alias_is_case_insensitive()
    {
        var byAlias = await host.DataAsync("""{ model(name: "OPENAI CODEX") { id } }""");
        Assert.Equal("model:codex", byAlias["model"]!["id"]!.GetValue<string>());
        var person = await host.DataAsync("""{ person(name: "jerry tworek") { id name } }""");
        Assert.Equal("person:jerry-tworek", person["person"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Departures_of_openai_in_2025_go_mostly_to_meta_and_exclude_2026_departures()
    {
        var data = await host.DataAsync("""
            { departures(organization: "OpenAI", from: "2025", to: "2025") { person { name } on nextAffiliation { organization { name } } } }
            """);
        var departures = Items(data["departures"]).ToList();
        var names = departures.Select(d => d["person"]!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("Jason Wei", names);
        Assert.Contains("Hyung Won Chung", names);
        Assert.Contains("Lucas Beyer", names);
        Assert.DoesNotContain("Jerry Tworek", names);
        Assert.All(departures, d => Assert.StartsWith("2025", d["on"]!.GetValue<string>(), StringComparison.Ordinal));

        var jason = departures.First(d => d["person"]!["name"]!.GetValue<string>() == "Jason Wei");
        // The records say Meta Superintelligence Labs; his biography, ingested through the extractor, says Meta.
        Assert.Contains(jason["nextAffiliation"]!["organization"]!["name"]!.GetValue<string>(), new[] { "Meta Superintelligence Labs", "Meta" });
    }

    [Fact]
    public async Task Departures_accept_an_organization_id_and_a_narrower_period()
    {
        var byId = await host.DataAsync("""{ departures(organization: "org:openai", from: "2026-01", to: "2026-01") { person { name } on } }""");
        var names = Items(byId["departures"]).Select(d => d["person"]!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("Jerry Tworek", names);
        Assert.DoesNotContain("Jason Wei", names);
    }

    [Fact]
    public async Task Openai_members_as_of_mid_2020_include_tworek_and_not_later_hires()
    {
        var data = await host.DataAsync("""
            { organization(name: "openai") { kind members(asOf: "2020-06", first: 500) { person { name } start end } } }
            """);
        Assert.Equal("LAB", data["organization"]!["kind"]!.GetValue<string>());
        var names = Items(data["organization"]!["members"]).Select(m => m["person"]!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("Jerry Tworek", names);
        Assert.Contains("Ilya Sutskever", names);
        Assert.DoesNotContain("Shengjia Zhao", names); // joined in 2022
    }

    [Fact]
    public async Task Members_now_exclude_people_who_left()
    {
        var data = await host.DataAsync("""{ organization(name: "OpenAI") { members(first: 500) { person { name } isCurrent } } }""");
        var names = Items(data["organization"]!["members"]).Select(m => m["person"]!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("Mark Chen", names);
        Assert.DoesNotContain("Jerry Tworek", names);
        Assert.DoesNotContain("Jason Wei", names);
    }

    [Fact]
    public async Task Members_page_with_first_and_offset()
    {
        var all = Items((await host.DataAsync("""{ organization(name: "OpenAI") { members(asOf: "2024", first: 500) { person { id } } } }"""))["organization"]!["members"]).Select(m => m["person"]!["id"]!.GetValue<string>()).ToList();
        var page = Items((await host.DataAsync("""{ organization(name: "OpenAI") { members(asOf: "2024", first: 3, offset: 2) { person { id } } } }"""))["organization"]!["members"]).Select(m => m["person"]!["id"]!.GetValue<string>()).ToList();
        Assert.True(all.Count > 5);
        Assert.Equal(all.Skip(2).Take(3), page);
    }

    [Fact]
    public async Task Tworek_timeline_shows_his_openai_years_with_sources()
    {
        var data = await host.DataAsync("""
            { person(id: "person:jerry-tworek") { timeline { relation start target { id } sources { note source { url } } }
              affiliations { organization { id } relation start end isCurrent } } }
            """);
        var timeline = Items(data["person"]!["timeline"]).ToList();
        Assert.Contains(timeline, e => e["relation"]!.GetValue<string>() == "JOINED" && e["target"]!["id"]!.GetValue<string>() == "org:openai" && e["start"]!.GetValue<string>() == "2019");
        var left = timeline.Single(e => e["relation"]!.GetValue<string>() == "LEFT");
        Assert.Equal("2026-01", left["start"]!.GetValue<string>());
        Assert.True(left["sources"]!.AsArray().Count >= 3, "each source of the departure stays attached");
        Assert.All(timeline, e => Assert.NotEmpty(e["sources"]!.AsArray()));
        Assert.All(timeline.SelectMany(e => e["sources"]!.AsArray()), s => Assert.StartsWith("https://", s!["source"]!["url"]!.GetValue<string>(), StringComparison.Ordinal));

        var openai = Items(data["person"]!["affiliations"]).Single(a => a["organization"]!["id"]!.GetValue<string>() == "org:openai");
        Assert.Equal("2019", openai["start"]!.GetValue<string>());
        Assert.Equal("2026-01", openai["end"]!.GetValue<string>());
        Assert.False(openai["isCurrent"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Conflicts_keep_each_departure_day_with_its_sources()
    {
        var data = await host.DataAsync("""
            { conflicts(first: 100) { subject { id } relation object { id } field values { value sources { source { url } } } } }
            """);
        var conflict = Items(data["conflicts"]).Single(c => c["subject"]!["id"]!.GetValue<string>() == "person:jerry-tworek" && c["relation"]!.GetValue<string>() == "LEFT");
        Assert.Equal("start", conflict["field"]!.GetValue<string>());
        var values = Items(conflict["values"]).Select(v => v["value"]!.GetValue<string>()).ToList();
        Assert.Contains("2026-01-05", values);
        Assert.Contains("2026-01-06", values);
        Assert.Contains("2026-01-07", values);
    }

    [Fact]
    public async Task Search_finds_people_by_prefix_and_models_by_name()
    {
        var data = await host.DataAsync("""{ people: search(text: "tworek") { id __typename } prefix: search(text: "Jer", first: 20) { id } gpt: search(text: "GPT-4") { id __typename } }""");
        Assert.Contains(Items(data["people"]), n => n["id"]!.GetValue<string>() == "person:jerry-tworek" && n["__typename"]!.GetValue<string>() == "Person");
        Assert.Contains(Items(data["prefix"]), n => n["id"]!.GetValue<string>() == "person:jerry-tworek");
        Assert.Contains(Items(data["gpt"]), n => n["id"]!.GetValue<string>() == "model:gpt-4" && n["__typename"]!.GetValue<string>() == "Model");
    }

    [Fact]
    public async Task Neighborhood_marks_edges_active_as_of_a_date_without_dropping_them()
    {
        var data = await host.DataAsync("""
            { neighborhood(id: "person:jerry-tworek", depth: 1, asOf: "2020") { nodes { id } edges { from to relation start activeAsOf } } }
            """);
        var edges = Items(data["neighborhood"]!["edges"]).ToList();
        Assert.Contains(Items(data["neighborhood"]!["nodes"]), n => n["id"]!.GetValue<string>() == "org:openai");
        var left = edges.Single(e => e["relation"]!.GetValue<string>() == "LEFT" && e["to"]!.GetValue<string>() == "org:openai");
        Assert.False(left["activeAsOf"]!.GetValue<bool>()); // 2026 had not happened in 2020
        var joined = edges.Single(e => e["relation"]!.GetValue<string>() == "JOINED" && e["to"]!.GetValue<string>() == "org:openai");
        Assert.True(joined["activeAsOf"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Node_query_resolves_the_concrete_type()
    {
        var data = await host.DataAsync("""{ node(id: "org:openai") { __typename id name ... on Organization { kind models { name } } } }""");
        Assert.Equal("Organization", data["node"]!["__typename"]!.GetValue<string>());
        Assert.Contains(Items(data["node"]!["models"]), m => m["name"]!.GetValue<string>() == "Codex");
    }

    [Fact]
    public async Task Unknown_ids_and_names_give_null_not_errors()
    {
        var data = await host.DataAsync("""{ node(id: "person:nobody") { id } person(name: "Nobody Atall") { id } }""");
        Assert.Null(data["node"]);
        Assert.Null(data["person"]);
    }
}
