namespace KnowledgeGraph.Api.Hosting;

/// <summary>Whether start-up work (schema, first-start seed import) has finished, and how it ended or why it waits.</summary>
public sealed class Readiness
{
    private volatile bool _started;
    private volatile string? _waitingFor;

    public bool StartupFinished => _started;

    public string? StartupError { get; private set; }

    /// <summary>Why start-up is waiting (the store could not answer), while it tries again; null otherwise.</summary>
    public string? WaitingFor => _waitingFor;

    public void MarkStarted()
    {
        _waitingFor = null;
        _started = true;
    }

    public void MarkWaiting(string reason) => _waitingFor = reason;

    public void MarkFailed(string error)
    {
        StartupError = error;
    }
}
