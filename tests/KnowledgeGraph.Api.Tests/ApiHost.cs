using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Api.Tests;

/// <summary>The real host on a fresh data folder with the seed data, waited on until /health/ready says so.</summary>
public sealed class ApiHost : WebApplicationFactory<Program>, IAsyncLifetime
{
    public ApiHost()
        : this(Path.Combine(Path.GetTempPath(), "kg-api-tests-" + Guid.NewGuid().ToString("N")))
    {
    }

    internal ApiHost(string dataPath)
    {
        DataPath = dataPath;
    }

    public string DataPath { get; }

    public Action<IServiceCollection>? ConfigureTestServices { get; init; }

    /// <summary>Configuration settings for this host, e.g. Auth:Keys:0:Sha256, applied over appsettings.json.</summary>
    public IReadOnlyDictionary<string, string?>? Settings { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Data:Path", DataPath);
        foreach (var (key, value) in Settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (ConfigureTestServices is { } configure)
        {
            builder.ConfigureServices(configure);
        }
    }

    public async Task InitializeAsync()
    {
        using var client = CreateClient();
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The host did not become ready within 60 s.");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
    }

    /// <summary>Polls a job (its /api/jobs/{id} location) until it has succeeded or failed, and returns it.</summary>
    public async Task<JsonNode> WaitForJobAsync(string location)
    {
        using var client = CreateClient();
        for (var i = 0; i < 300; i++)
        {
            var job = JsonNode.Parse(await client.GetStringAsync(new Uri(location, UriKind.Relative)))!;
            if (job["state"]!.GetValue<string>() is "succeeded" or "failed")
            {
                return job;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"job {location} did not finish");
    }

    /// <summary>POSTs a query and returns the parsed JSON body.</summary>
    public async Task<JsonNode> QueryAsync(string query, object? variables = null)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query, variables });
        var body = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(body) ?? throw new InvalidOperationException($"empty body, status {response.StatusCode}");
    }

    /// <summary>POSTs a query that must succeed and returns its data.</summary>
    public async Task<JsonNode> DataAsync(string query, object? variables = null)
    {
        var result = await QueryAsync(query, variables);
        Assert.True(result["errors"] is null, $"unexpected errors: {result["errors"]?.ToJsonString()}");
        return result["data"]!;
    }

    public static string Json(JsonNode? node) => node?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "null";
}
