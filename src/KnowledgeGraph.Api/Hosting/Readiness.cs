namespace KnowledgeGraph.Api.Hosting;

/// <summary>Whether start-up work (schema, first-start seed import) has finished, and how it ended.</summary>
public sealed class Readiness
{
    private volatile bool _started;

    public bool StartupFinished => _started;

    public string? StartupError { get; private set; }

    public void MarkStarted() => _started = true;

    public void MarkFailed(string error)
    {
        StartupError = error;
    }
}
