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
    /// Also run the biographies (.md with front matter) through the extraction pipeline on first start. Off by
    /// default: the extractor still attributes some statements to the wrong person (see bench/RESULTS.md), and
    /// the curated records must not be mixed with its mistakes unless asked for.
    /// </summary>
    public bool IngestBiographies { get; set; }

    /// <summary>Folder of biographies for <see cref="IngestBiographies"/>.</summary>
    public string? BiographiesPath { get; set; }

    public string? ResolvedBiographiesPath => IngestBiographies ? BiographiesPath ?? System.IO.Path.Combine(AppContext.BaseDirectory, "seed-data", "biographies") : null;
}
