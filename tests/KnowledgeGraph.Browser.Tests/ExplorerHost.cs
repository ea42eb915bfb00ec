using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KnowledgeGraph.Browser.Tests;

/// <summary>
/// The real host on a Kestrel port of its own (a browser cannot reach the in-memory test server), on a fresh
/// data folder with the seed data, and Debian's headless Chromium driven by Playwright.
/// </summary>
public sealed class ExplorerHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic",
    ];

    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "kg-browser-tests-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? playwright;
    private IBrowser? browser;

    public ExplorerHost()
    {
        UseKestrel(0);
    }

    /// <summary>Where the host listens, e.g. http://127.0.0.1:40123.</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser starts in InitializeAsync.");

    /// <summary>The test output folder's artifacts/, where screenshots and measurements go.</summary>
    public static string ArtifactsPath { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Data:Path", dataPath);
        builder.UseSetting("urls", "http://127.0.0.1:0");
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium at {ChromiumPath}: run `apt-get update && apt-get install -y chromium` (never a browser downloaded by Playwright).");
        }

        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            ?? throw new InvalidOperationException("The host reports no addresses.");
        BaseAddress = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        await WaitUntilReadyAsync();

        playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
        Directory.CreateDirectory(Path.Combine(ArtifactsPath, "screenshots"));
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The host at {BaseAddress} did not become ready within 60 s.");
    }

    /// <summary>A fresh page of the given size whose console errors and page errors are collected.</summary>
    public async Task<ExplorerPage> OpenAsync(string pathAndQuery = "/", int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = BaseAddress.ToString(),
        });
        var page = await context.NewPageAsync();
        var explorer = new ExplorerPage(page);
        await page.GotoAsync(pathAndQuery);
        return explorer;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        await DisposeAsync();
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open; the temp folder is cleaned up eventually.
        }
    }
}
