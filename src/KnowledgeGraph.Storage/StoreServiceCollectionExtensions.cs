using KnowledgeGraph.Storage.Neo4j;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Storage;

/// <summary>Registers the configured <see cref="IGraphStore"/> adapter.</summary>
public static class StoreServiceCollectionExtensions
{
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration ("Store" section; "Store:Neo4j" for the Neo4j store).</param>
    /// <param name="sqlitePath">The SQLite file for the embedded store, resolved from Data:Path by the caller.</param>
    public static IServiceCollection AddGraphStore(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, string> sqlitePath)
    {
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.Section));

        // Neo4j: options are validated when first used, so a SQLite deployment needs none of them.
        services.AddOptions<Neo4jStoreOptions>().Bind(configuration.GetSection(Neo4jStoreOptions.Section));
        services.AddSingleton<IValidateOptions<Neo4jStoreOptions>, Neo4jStoreOptionsValidator>();
        services.AddHttpClient(Neo4jQueryClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan); // Polly times calls out
        services.AddSingleton(sp => new Neo4jQueryClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(Neo4jQueryClient.HttpClientName),
            sp.GetRequiredService<IOptions<Neo4jStoreOptions>>(),
            sp.GetService<ILogger<Neo4jQueryClient>>(),
            sp.GetService<TimeProvider>()));

        services.AddSingleton<IGraphStore>(sp =>
        {
            var kind = sp.GetRequiredService<IOptions<StoreOptions>>().Value.Kind;
            return kind switch
            {
                StoreKind.Sqlite => new SqliteGraphStore(
                    Options.Create(new SqliteStoreOptions { DatabasePath = sqlitePath(sp) }),
                    sp.GetService<TimeProvider>()),
                StoreKind.Neo4j => new Neo4jGraphStore(
                    sp.GetRequiredService<Neo4jQueryClient>(),
                    sp.GetRequiredService<IOptions<Neo4jStoreOptions>>(),
                    sp.GetService<TimeProvider>()),
                _ => throw new InvalidOperationException($"Store:Kind '{kind}' is not available in this build."),
            };
        });
        return services;
    }
}
