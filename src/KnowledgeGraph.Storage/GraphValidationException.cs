namespace KnowledgeGraph.Storage;

/// <summary>A batch was refused as a whole; each problem names the item (by index in its list) and the field.</summary>
public sealed class GraphValidationException : Exception
{
    public GraphValidationException(IReadOnlyList<BatchProblem> problems)
        : base(string.Join("; ", problems.Select(p => p.ToString())))
    {
        Problems = problems;
    }

    public GraphValidationException()
        : this([])
    {
    }

    public GraphValidationException(string message)
        : base(message)
    {
        Problems = [];
    }

    public GraphValidationException(string message, Exception inner)
        : base(message, inner)
    {
        Problems = [];
    }

    public IReadOnlyList<BatchProblem> Problems { get; } = [];
}

/// <summary>One reason a batch was refused: which list ("edges", "nodes", "sources"), which item, which field, what.</summary>
public sealed record BatchProblem(string List, int Index, string Field, string Message)
{
    public override string ToString() => $"{List}[{Index}]: {Field}: {Message}";
}
