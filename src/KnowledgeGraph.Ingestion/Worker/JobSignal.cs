namespace KnowledgeGraph.Ingestion.Worker;

/// <summary>Wakes the worker when a job is enqueued in this process, and holds it until the store is ready.</summary>
public sealed class JobSignal
{
    private readonly SemaphoreSlim _enqueued = new(0, int.MaxValue);
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify() => _enqueued.Release();

    public void MarkStoreReady() => _ready.TrySetResult();

    public Task WaitUntilStoreReadyAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => await _enqueued.WaitAsync(timeout, cancellationToken);
}
