namespace KnowledgeGraph.Ingestion.Records;

/// <summary>What is wrong with one line of a records file, printed as "file:line: field: message".</summary>
public sealed record RecordProblem(string File, int Line, string Field, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Field}: {Message}";
}

/// <summary>A records file was refused whole; nothing from it was written.</summary>
public sealed class RecordsRejectedException : Exception
{
    public RecordsRejectedException(IReadOnlyList<RecordProblem> problems)
        : base(problems.Count == 1 ? problems[0].ToString() : $"{problems.Count} problems, first: {problems[0]}")
    {
        Problems = problems;
    }

    public RecordsRejectedException()
        : this("records rejected")
    {
    }

    public RecordsRejectedException(string message)
        : base(message)
    {
        Problems = [];
    }

    public RecordsRejectedException(string message, Exception inner)
        : base(message, inner)
    {
        Problems = [];
    }

    public IReadOnlyList<RecordProblem> Problems { get; } = [];
}
