using KnowledgeGraph.Storage.Jobs;
using KnowledgeGraph.Storage.Neo4j;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Storage;

/// <summary>
/// Registers the configured store adapter ("Store:Kind"): its <see cref="IGraphStore"/>, the <see cref="IJobQueue"/>
/// that lives in it and its <see cref="IStoreSchema"/>. Nothing contacts the store until a service is used.
/// </summary>
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
        // Polly times calls out. The factory's per-request log lines are dropped: a worker polls the queue every few
        // seconds, and Neo4jQueryClient logs retries and the breaker itself.
        services.AddHttpClient(Neo4jQueryClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.AddSingleton(sp => new Neo4jQueryClient(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(Neo4jQueryClient.HttpClientName),
            sp.GetRequiredService<IOptions<Neo4jStoreOptions>>(),
            sp.GetService<ILogger<Neo4jQueryClient>>(),
            sp.GetService<TimeProvider>()));

        services.AddSingleton(ByKind<IGraphStore>(
            sp => new SqliteGraphStore(Options.Create(SqliteOptions(configuration, sqlitePath(sp))), sp.GetService<TimeProvider>()),
            sp => new Neo4jGraphStore(sp.GetRequiredService<Neo4jQueryClient>(), sp.GetRequiredService<IOptions<Neo4jStoreOptions>>(), sp.GetService<TimeProvider>())));
        services.AddSingleton(ByKind<IJobQueue>(
            sp => new SqliteJobQueue(sqlitePath(sp), sp.GetService<TimeProvider>()),
            sp => new Neo4jJobQueue(sp.GetRequiredService<Neo4jQueryClient>(), sp.GetService<TimeProvider>())));
        services.AddSingleton(ByKind<IStoreSchema>(
            sp => (IStoreSchema)sp.GetRequiredService<IGraphStore>(), // the embedded store is its own schema, migrated when opened
            sp => new Neo4jSchemaMigrator(sp.GetRequiredService<Neo4jQueryClient>(), sp.GetService<TimeProvider>())));
        return services;
    }

    private static SqliteStoreOptions SqliteOptions(IConfiguration configuration, string path)
    {
        var options = configuration.GetSection(SqliteStoreOptions.Section).Get<SqliteStoreOptions>() ?? new SqliteStoreOptions();
        options.DatabasePath = path;
        return options;
    }

    private static Func<IServiceProvider, T> ByKind<T>(Func<IServiceProvider, T> sqlite, Func<IServiceProvider, T> neo4j) => sp =>
        sp.GetRequiredService<IOptions<StoreOptions>>().Value.Kind switch
        {
            StoreKind.Sqlite => sqlite(sp),
            StoreKind.Neo4j => neo4j(sp),
            var kind => throw new InvalidOperationException($"Store:Kind '{kind}' is not available in this build."),
        };
}
