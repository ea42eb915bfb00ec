using KnowledgeGraph.Storage;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>
/// One side of `kg copy`: "sqlite:PATH" (an embedded store file) or "neo4j" (the database Store:Neo4j:* configures).
/// Opened, it is a store that can also be read page by page.
/// </summary>
internal sealed class StoreEndpoint : IAsyncDisposable
{
    private readonly ServiceProvider? _services;

    private StoreEndpoint(string description, IGraphStore store, ServiceProvider? services)
    {
        Description = description;
        Store = store;
        Exporter = store as IGraphExporter ?? throw new InvalidOperationException($"{description}: this store cannot be read page by page");
        _services = services;
    }

    /// <summary>For output and the checkpoint key: the full file path, or the Neo4j address and database (never a password).</summary>
    public string Description { get; }

    public IGraphStore Store { get; }

    public IGraphExporter Exporter { get; }

    /// <summary>Reads "sqlite:PATH" or "neo4j"; anything else is an error saying what is accepted.</summary>
    public static bool TryParse(string text, out StoreKind kind, out string? path, out string error)
    {
        (kind, path, error) = (StoreKind.Sqlite, null, string.Empty);
        if (string.Equals(text, "neo4j", StringComparison.OrdinalIgnoreCase))
        {
            kind = StoreKind.Neo4j;
            return true;
        }

        if (text.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) && text.Length > "sqlite:".Length)
        {
            path = Path.GetFullPath(text["sqlite:".Length..]);
            return true;
        }

        error = $"'{text}' is not a store: use sqlite:PATH (an embedded store file) or neo4j (Store:Neo4j:* settings)";
        return false;
    }

    /// <summary>Opens and initializes the store; a SQLite file that must already exist and does not is an error.</summary>
    public static async Task<StoreEndpoint> OpenAsync(StoreKind kind, string? path, bool mustExist, IConfiguration configuration, CancellationToken cancellationToken)
    {
        StoreEndpoint endpoint;
        if (kind == StoreKind.Neo4j)
        {
            var neo4j = new ConfigurationBuilder()
                .AddConfiguration(configuration)
                .AddInMemoryCollection([new KeyValuePair<string, string?>("Store:Kind", nameof(StoreKind.Neo4j))])
                .Build();
            var services = KgConfiguration.StoreServices(neo4j);
            endpoint = new StoreEndpoint(KgConfiguration.Describe(neo4j), services.GetRequiredService<IGraphStore>(), services);
        }
        else
        {
            if (mustExist && !File.Exists(path))
            {
                throw new FileNotFoundException($"no embedded store at '{path}'");
            }

            endpoint = new StoreEndpoint(path!, new SqliteGraphStore(Options.Create(new SqliteStoreOptions { DatabasePath = path! })), null);
        }

        await endpoint.Store.InitializeAsync(cancellationToken);
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }
}
