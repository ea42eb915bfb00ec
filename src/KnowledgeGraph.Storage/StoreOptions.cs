using Microsoft.Extensions.Configuration;

namespace KnowledgeGraph.Storage;

/// <summary>Which store the service uses (configuration "Store:Kind": Sqlite, the default, or Neo4j).</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    public StoreKind Kind { get; set; } = StoreKind.Sqlite;

    /// <summary>The store kind a configuration names (Sqlite when it names none), read before services are built.</summary>
    public static StoreKind KindOf(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<StoreOptions>()?.Kind ?? StoreKind.Sqlite;
}

/// <summary>The available store adapters.</summary>
public enum StoreKind
{
    Sqlite,
    Neo4j,
}
