using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Storage;

/// <summary>Registers the configured <see cref="IGraphStore"/> adapter.</summary>
public static class StoreServiceCollectionExtensions
{
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration ("Store" section).</param>
    /// <param name="sqlitePath">The SQLite file for the embedded store, resolved from Data:Path by the caller.</param>
    public static IServiceCollection AddGraphStore(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, string> sqlitePath)
    {
        services.AddOptions<StoreOptions>().Bind(configuration.GetSection(StoreOptions.Section));
        services.AddSingleton<IGraphStore>(sp =>
        {
            var kind = sp.GetRequiredService<IOptions<StoreOptions>>().Value.Kind;
            return kind switch
            {
                StoreKind.Sqlite => new SqliteGraphStore(
                    Options.Create(new SqliteStoreOptions { DatabasePath = sqlitePath(sp) }),
                    sp.GetService<TimeProvider>()),
                _ => throw new InvalidOperationException($"Store:Kind '{kind}' is not available in this build."),
            };
        });
        return services;
    }
}
