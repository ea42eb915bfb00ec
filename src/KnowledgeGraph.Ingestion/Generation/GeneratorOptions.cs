namespace KnowledgeGraph.Ingestion.Generation;

/// <summary>Size and seed of a synthetic graph.</summary>
public sealed record GeneratorOptions(int People, int Seed)
{
    public int Organizations => Math.Max(20, People / 50);

    public int Models => Math.Max(10, People / 30);

    public int Papers => Math.Max(10, People / 5);
}
