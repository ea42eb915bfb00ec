using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Ingestion.Records;

/// <summary>A parsed records file: the batch to apply and, for each item, the line it came from.</summary>
public sealed class RecordsFile(string path)
{
    public string Path { get; } = path;

    public GraphBatch Batch { get; } = new();

    public List<int> SourceLines { get; } = [];

    public List<int> NodeLines { get; } = [];

    public List<int> EdgeLines { get; } = [];

    /// <summary>Maps a store problem (list and index) back to the file line that caused it.</summary>
    public RecordProblem ToRecordProblem(BatchProblem problem)
    {
        var lines = problem.List switch
        {
            "sources" => SourceLines,
            "nodes" => NodeLines,
            _ => EdgeLines,
        };
        var line = problem.Index >= 0 && problem.Index < lines.Count ? lines[problem.Index] : 0;
        return new RecordProblem(Path, line, problem.Field, problem.Message);
    }
}
