using System.Text.Json;
using Microsoft.Playwright;

namespace KnowledgeGraph.Browser.Tests;

/// <summary>The explorer page in a browser tab, with the steps the tests take and the errors the page reported.</summary>
public sealed class ExplorerPage
{
    private readonly List<string> errors = [];

    public ExplorerPage(IPage page)
    {
        Page = page;
        page.PageError += (_, error) => errors.Add($"page error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"console error: {message.Text}");
            }
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors => errors;

    public ILocator Details => Page.Locator("#details");

    /// <summary>Waits for the page's startup and every request and layout in flight.</summary>
    public async Task IdleAsync()
    {
        await Page.WaitForFunctionAsync("() => window.__explorer !== undefined");
        await Page.EvaluateAsync("() => window.__explorer.ready");
        await Page.EvaluateAsync("() => window.__explorer.idle()");
    }

    public async Task ScreenshotAsync(string name)
    {
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ExplorerHost.ArtifactsPath, "screenshots", name + ".png") });
    }

    public Task<int> NodeCountAsync() => Page.EvaluateAsync<int>("() => window.__explorer.cy.nodes().length");

    public Task<string?> SelectedAsync() => Page.EvaluateAsync<string?>("() => window.__explorer.cy.nodes(':selected').map(n => n.id())[0] ?? null");

    /// <summary>The id of the first drawn edge from one node to another with the relation.</summary>
    public Task<string?> EdgeAsync(string from, string to, string relation) =>
        Page.EvaluateAsync<string?>(
            "([from, to, relation]) => window.__explorer.cy.edges().filter(e => e.source().id() === from && e.target().id() === to && e.data('relation') === relation).map(e => e.id())[0] ?? null",
            new[] { from, to, relation });

    public Task<bool> EdgeFadedAsync(string edgeId) =>
        Page.EvaluateAsync<bool>(
            "id => { const e = window.__explorer.cy.getElementById(id); return e.hasClass('inactive') && Number(e.style('opacity')) < 0.5; }", edgeId);

    /// <summary>Clicks a node where it is drawn on the canvas, as a person would.</summary>
    public async Task ClickNodeAsync(string id)
    {
        var point = await Page.EvaluateAsync<JsonElement>("""
            id => {
              const cy = window.__explorer.cy;
              const node = cy.getElementById(id);
              cy.center(node);
              const box = cy.container().getBoundingClientRect();
              const p = node.renderedPosition();
              return { x: box.left + p.x, y: box.top + p.y };
            }
            """, id);
        await Page.Mouse.ClickAsync(point.GetProperty("x").GetSingle(), point.GetProperty("y").GetSingle());
    }
}
