using System.ComponentModel.DataAnnotations;

namespace KnowledgeGraph.Api.Hosting;

/// <summary>Where the service keeps its data (configuration "Data:Path", e.g. Data__Path=/var/lib/kg).</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    [Required]
    public string Path { get; set; } = "data";

    public string DatabasePath => System.IO.Path.Combine(System.IO.Path.GetFullPath(Path), "graph.db");
}

/// <summary>The seed records loaded on first start (configuration "Seed").</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    public bool Enabled { get; set; } = true;

    /// <summary>Folder of *.jsonl records; defaults to the copy shipped beside the program.</summary>
    public string? Path { get; set; }

    public string ResolvedPath => Path ?? System.IO.Path.Combine(AppContext.BaseDirectory, "seed-data", "records");

    /// <summary>
    /// Also run the biographies (.md with front matter) through the extraction pipeline on first start, after the
    /// records. On by default: every claim the seed biographies produce has been checked against their text (and
    /// against the records); set it to false for a graph of the curated records alone.
    /// </summary>
    public bool IngestBiographies { get; set; } = true;

    /// <summary>Folder of biographies for <see cref="IngestBiographies"/>.</summary>
    public string? BiographiesPath { get; set; }

    public string? ResolvedBiographiesPath => IngestBiographies ? BiographiesPath ?? System.IO.Path.Combine(AppContext.BaseDirectory, "seed-data", "biographies") : null;
}
