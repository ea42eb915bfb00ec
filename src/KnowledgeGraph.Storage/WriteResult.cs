namespace KnowledgeGraph.Storage;

/// <summary>What a batch changed: a re-run of the same batch reports zeros.</summary>
public sealed record WriteResult(int NewNodes, int UpdatedNodes, int NewSources, int NewEdges, int NewProvenance, int Conflicts)
{
    public static WriteResult Empty { get; } = new(0, 0, 0, 0, 0, 0);

    public bool ChangedAnything => NewNodes + UpdatedNodes + NewSources + NewEdges + NewProvenance > 0;

    public WriteResult Add(WriteResult other) => new(
        NewNodes + other.NewNodes,
        UpdatedNodes + other.UpdatedNodes,
        NewSources + other.NewSources,
        NewEdges + other.NewEdges,
        NewProvenance + other.NewProvenance,
        Conflicts + other.Conflicts);
}
