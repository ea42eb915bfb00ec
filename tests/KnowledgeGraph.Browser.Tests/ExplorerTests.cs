using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace KnowledgeGraph.Browser.Tests;

/// <summary>The explorer in Debian's headless Chromium against the real host with the seed data.</summary>
[Trait("Category", "Browser")]
public sealed partial class ExplorerTests(ExplorerHost host) : IClassFixture<ExplorerHost>
{
    private const string Jerry = "person:jerry-tworek";
    private const string OpenAI = "org:openai";

    [Fact]
    public async Task Searching_jerry_tworek_opens_his_career_with_his_openai_years_and_departure()
    {
        var explorer = await host.OpenAsync();
        await explorer.IdleAsync();
        await explorer.ScreenshotAsync("01-start");

        var search = explorer.Page.GetByRole(AriaRole.Combobox, new() { Name = "Search people, organizations, models and papers" });
        await search.PressSequentiallyAsync("Jerry Tw", new() { Delay = 40 });
        var option = explorer.Page.GetByRole(AriaRole.Option, new() { Name = "Jerry Tworek" });
        await Expect(option).ToBeVisibleAsync();
        await Expect(explorer.Page.GetByRole(AriaRole.Group, new() { Name = "People" })).ToBeVisibleAsync();
        await Expect(search).ToHaveAttributeAsync("aria-expanded", "true");
        await explorer.ScreenshotAsync("02-search-suggestions");

        // Keyboard: the first suggestion is Jerry; Enter opens it.
        await search.PressAsync("ArrowDown");
        await search.PressAsync("Enter");
        await explorer.IdleAsync();

        await Expect(explorer.Details.GetByRole(AriaRole.Heading, new() { Name = "Jerry Tworek", Level = 2 })).ToBeVisibleAsync();
        Assert.Equal(Jerry, await explorer.SelectedAsync());
        Assert.True(await explorer.NodeCountAsync() > 5, "his neighbourhood is drawn");
        Assert.Contains($"node={Jerry}", explorer.Page.Url, StringComparison.Ordinal);

        // His OpenAI years: the tenure 2019–2026-01, joined in 2019, and the departure in January 2026.
        await Expect(explorer.Details.Locator(".status")).ToContainTextAsync("Left OpenAI in 2026-01");
        await Expect(explorer.Details.Locator(".career")).ToContainTextAsync("2019–2026-01 Worked at OpenAI");
        var timeline = explorer.Details.Locator(".timeline");
        await Expect(timeline.Locator(".relation-JOINED")).ToContainTextAsync("2019 Joined OpenAI");
        await Expect(timeline.Locator(".relation-LEFT")).ToContainTextAsync("2026-01 Left OpenAI");
        // Each event shows what its source says and links to it.
        await Expect(timeline.Locator(".relation-LEFT .source a").First).ToHaveAttributeAsync("href", new Regex("^https?://"));
        await Expect(explorer.Details.Locator(".contributions")).ToContainTextAsync("Codex");
        await explorer.ScreenshotAsync("03-jerry-tworek");
        Assert.Empty(explorer.Errors);
    }

    [Fact]
    public async Task Clicking_a_neighbour_draws_its_neighbourhood_and_shows_its_panel()
    {
        var explorer = await host.OpenAsync($"/?node={Jerry}");
        await explorer.IdleAsync();
        var before = await explorer.NodeCountAsync();

        await explorer.ClickNodeAsync(OpenAI);
        await explorer.IdleAsync();

        Assert.Equal(OpenAI, await explorer.SelectedAsync());
        Assert.True(await explorer.NodeCountAsync() > before + 20, "OpenAI's people and models are added to the graph");
        await Expect(explorer.Details.GetByRole(AriaRole.Heading, new() { Name = "OpenAI", Level = 2 })).ToBeVisibleAsync();
        await Expect(explorer.Details.GetByRole(AriaRole.Heading, new() { Name = "Members now" })).ToBeVisibleAsync();
        await Expect(explorer.Details.GetByRole(AriaRole.Heading, new() { Name = "Departures by year" })).ToBeVisibleAsync();
        await Expect(explorer.Details.Locator(".departure-year h4", new() { HasText = "2026" })).ToBeVisibleAsync();
        Assert.Contains($"node={OpenAI}", explorer.Page.Url, StringComparison.Ordinal);
        await explorer.ScreenshotAsync("04-expanded-openai");

        // Double-click focuses; the fit button brings everything back into view.
        await explorer.Page.GetByRole(AriaRole.Button, new() { Name = "Fit" }).ClickAsync();
        Assert.Empty(explorer.Errors);
    }

    [Fact]
    public async Task Moving_the_as_of_slider_to_2020_fades_edges_that_start_later()
    {
        var explorer = await host.OpenAsync($"/?node={Jerry}");
        await explorer.IdleAsync();
        var left = await explorer.EdgeAsync(Jerry, OpenAI, "LEFT");
        var joined = await explorer.EdgeAsync(Jerry, OpenAI, "JOINED");
        Assert.NotNull(left);
        Assert.NotNull(joined);
        Assert.False(await explorer.EdgeFadedAsync(left!), "as of now his departure has happened");

        // The keyboard moves the slider: Home is its first year (2015), then five steps to 2020.
        var slider = explorer.Page.GetByRole(AriaRole.Slider, new() { Name = "As of" });
        await slider.FocusAsync();
        await slider.PressAsync("Home");
        for (var i = 0; i < 5; i++)
        {
            await slider.PressAsync("ArrowRight");
        }

        await Expect(explorer.Page.Locator("#as-of-value")).ToHaveTextAsync("2020");
        await explorer.Page.WaitForFunctionAsync("() => window.__explorer.view().asOf === '2020'");
        await explorer.IdleAsync();

        Assert.True(await explorer.EdgeFadedAsync(left!), "leaving OpenAI in 2026-01 had not happened as of 2020");
        var vicePresident = await explorer.Page.EvaluateAsync<string?>(
            "() => window.__explorer.cy.edges().filter(e => e.data('relation') === 'WORKED_AT' && e.data('start') === '2022').map(e => e.id())[0] ?? null");
        Assert.NotNull(vicePresident);
        Assert.True(await explorer.EdgeFadedAsync(vicePresident!), "his 2022 title had not started as of 2020");
        Assert.False(await explorer.EdgeFadedAsync(joined!), "he had joined OpenAI by 2020");
        Assert.Contains("asOf=2020", explorer.Page.Url, StringComparison.Ordinal);
        await explorer.ScreenshotAsync("05-as-of-2020");
        Assert.Empty(explorer.Errors);
    }

    [Fact]
    public async Task A_shared_url_restores_the_node_and_the_date()
    {
        var explorer = await host.OpenAsync($"/?node={Jerry}&asOf=2024-06");
        await explorer.IdleAsync();

        await Expect(explorer.Details.GetByRole(AriaRole.Heading, new() { Name = "Jerry Tworek", Level = 2 })).ToBeVisibleAsync();
        Assert.Equal(Jerry, await explorer.SelectedAsync());
        await Expect(explorer.Page.Locator("#as-of-value")).ToHaveTextAsync("2024-06");
        await Expect(explorer.Page.GetByRole(AriaRole.Slider, new() { Name = "As of" })).ToHaveValueAsync("2024");
        Assert.True(await explorer.EdgeFadedAsync((await explorer.EdgeAsync(Jerry, OpenAI, "LEFT"))!), "as of 2024-06 he had not left");
        Assert.False(await explorer.EdgeFadedAsync((await explorer.EdgeAsync(Jerry, OpenAI, "JOINED"))!), "as of 2024-06 he had joined");
        Assert.EndsWith($"/?node={Jerry}&asOf=2024-06", explorer.Page.Url, StringComparison.Ordinal);
        await explorer.ScreenshotAsync("06-shared-url");
        Assert.Empty(explorer.Errors);
    }

    [Fact]
    public async Task The_explorer_fits_a_phone_screen()
    {
        var explorer = await host.OpenAsync($"/?node={Jerry}", width: 390, height: 844);
        await explorer.IdleAsync();

        var overflow = await explorer.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page is {overflow}px wider than the phone's screen");
        await Expect(explorer.Page.GetByRole(AriaRole.Combobox)).ToBeVisibleAsync();
        await Expect(explorer.Page.GetByRole(AriaRole.Slider, new() { Name = "As of" })).ToBeVisibleAsync();
        var canvas = await explorer.Page.Locator("#graph").BoundingBoxAsync();
        Assert.True(canvas is { Width: > 300, Height: > 250 }, "the canvas keeps a usable size");
        await Expect(explorer.Details.GetByRole(AriaRole.Heading, new() { Name = "Jerry Tworek", Level = 2 })).ToBeVisibleAsync();
        await explorer.ScreenshotAsync("07-phone");
        Assert.Empty(explorer.Errors);
    }

    [Fact]
    public async Task Graphiql_runs_a_query_against_the_api()
    {
        var explorer = await host.OpenAsync("/graphql/ui/");
        await Expect(explorer.Page.Locator(".graphiql-container")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(explorer.Page.Locator(".graphiql-query-editor")).ToContainTextAsync("Who built Codex", new() { Timeout = 20_000 });

        // The run button does nothing until the editor has finished starting; try again until a result shows.
        var response = explorer.Page.Locator(".graphiql-response");
        for (var attempt = 1; ; attempt++)
        {
            await explorer.Page.GetByRole(AriaRole.Button, new() { Name = "Execute query" }).ClickAsync();
            try
            {
                await Expect(response).ToContainTextAsync("Jerry Tworek", new() { Timeout = 5_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 6)
            {
            }
        }

        await explorer.ScreenshotAsync("08-graphiql");
        Assert.Empty(explorer.Errors);
    }
}
