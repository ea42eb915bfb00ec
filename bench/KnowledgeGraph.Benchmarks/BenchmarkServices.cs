using KnowledgeGraph.Api.Hosting;
using KnowledgeGraph.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Benchmarks;

/// <summary>The host's services over the prepared store in KG_BENCH_DATA, without seeding (see bench/RESULTS.md).</summary>
internal static class BenchmarkServices
{
    public static string DataPath => Environment.GetEnvironmentVariable("KG_BENCH_DATA")
        ?? throw new InvalidOperationException("Set KG_BENCH_DATA to a folder holding graph.db (see 'How to reproduce' in bench/RESULTS.md).");

    public static ServiceProvider Create()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:Path"] = DataPath,
            ["Seed:Enabled"] = "false",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddKnowledgeGraph(configuration);
        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IGraphStore>().InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        return provider;
    }
}
