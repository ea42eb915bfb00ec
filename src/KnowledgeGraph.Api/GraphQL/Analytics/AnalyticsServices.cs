using KnowledgeGraph.Api.Hosting;
using KnowledgeGraph.Storage;
using KnowledgeGraph.Storage.Neo4j;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.GraphQL.Analytics;

/// <summary>Registers what the analytics queries need: the date-first reader of the configured store and the per-request queries.</summary>
public static class AnalyticsServices
{
    /// <summary>Safe to call more than once (every registration is a TryAdd).</summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services)
    {
        services.TryAddSingleton<IAnalyticsReader>(sp =>
        {
            var kind = sp.GetRequiredService<IOptions<StoreOptions>>().Value.Kind;
            return kind switch
            {
                StoreKind.Sqlite => new SqliteAnalyticsReader(Options.Create(new SqliteStoreOptions
                {
                    DatabasePath = sp.GetRequiredService<IOptions<DataOptions>>().Value.DatabasePath,
                })),
                StoreKind.Neo4j => new Neo4jAnalyticsReader(sp.GetRequiredService<Neo4jQueryClient>()),
                _ => throw new InvalidOperationException($"The analytics queries are not available on Store:Kind '{kind}' in this build."),
            };
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AnalyticsOptions>().BindConfiguration(AnalyticsOptions.Section);
        services.TryAddSingleton<AnalyticsResultCache>();
        services.TryAddScoped<AnalyticsQueries>();
        return services;
    }
}
