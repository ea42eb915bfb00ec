using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage;
using KnowledgeGraph.Storage.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeGraph.Api.Tests;

/// <summary>
/// The switch of a <see cref="FaultingGraphStore"/> and a <see cref="FaultingJobQueue"/>: while <see cref="Fault"/> is
/// set every store call throws it and PingAsync answers false, as the adapters do when their store is gone;
/// <see cref="QueueFault"/> does the same to the job queue; <see cref="HoldWrites"/> makes writes wait.
/// </summary>
public sealed class StoreSwitch
{
    private int applyCalls;
    private volatile Exception? fault;
    private volatile Exception? queueFault;
    private volatile TaskCompletionSource? holdWrites;

    public Exception? Fault { get => fault; set => fault = value; }

    /// <summary>While set, every call on the job queue throws it (the queue lives in the store's file).</summary>
    public Exception? QueueFault { get => queueFault; set => queueFault = value; }

    /// <summary>When set, ApplyAsync signals <see cref="WriteStarted"/> and waits for this task (or cancellation).</summary>
    public TaskCompletionSource? HoldWrites { get => holdWrites; set => holdWrites = value; }

    public TaskCompletionSource WriteStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int ApplyCalls => Volatile.Read(ref applyCalls);

    internal void CountApply() => Interlocked.Increment(ref applyCalls);

    /// <summary>Replaces the host's IGraphStore and IJobQueue with decorators over them, driven by this switch.</summary>
    public void Install(IServiceCollection services)
    {
        var store = services.Last(d => d.ServiceType == typeof(IGraphStore));
        services.Remove(store);
        services.AddSingleton<IGraphStore>(sp => new FaultingGraphStore((IGraphStore)store.ImplementationFactory!(sp), this));
        var queue = services.Last(d => d.ServiceType == typeof(IJobQueue));
        services.Remove(queue);
        services.AddSingleton<IJobQueue>(sp => new FaultingJobQueue((IJobQueue)queue.ImplementationFactory!(sp), this));
    }
}

/// <summary>An IGraphStore decorator that fails on demand, for the store-fault tests.</summary>
public sealed class FaultingGraphStore(IGraphStore inner, StoreSwitch control) : IGraphStore
{
    public Task InitializeAsync(CancellationToken cancellationToken) => Guard(() => inner.InitializeAsync(cancellationToken));

    public Task<bool> PingAsync(CancellationToken cancellationToken) => control.Fault is null ? inner.PingAsync(cancellationToken) : Task.FromResult(false);

    public async Task<WriteResult> ApplyAsync(GraphBatch batch, CancellationToken cancellationToken)
    {
        control.CountApply();
        if (control.HoldWrites is { } hold)
        {
            control.WriteStarted.TrySetResult();
            await hold.Task.WaitAsync(cancellationToken);
        }

        return await Guard(() => inner.ApplyAsync(batch, cancellationToken));
    }

    public Task<IReadOnlyDictionary<string, GraphNode>> GetNodesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Guard(() => inner.GetNodesAsync(ids, cancellationToken));

    public Task<IReadOnlyList<GraphNode>> FindByNameAsync(string name, NodeKind? kind, CancellationToken cancellationToken) =>
        Guard(() => inner.FindByNameAsync(name, kind, cancellationToken));

    public Task<IReadOnlyList<GraphNode>> SearchAsync(string text, int first, CancellationToken cancellationToken) =>
        Guard(() => inner.SearchAsync(text, first, cancellationToken));

    public Task<IReadOnlyDictionary<string, IReadOnlyList<GraphEdge>>> GetEdgesFromAsync(IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<Relation>? relations, CancellationToken cancellationToken) =>
        Guard(() => inner.GetEdgesFromAsync(nodeIds, relations, cancellationToken));

    public Task<IReadOnlyDictionary<string, IReadOnlyList<GraphEdge>>> GetEdgesToAsync(IReadOnlyCollection<string> nodeIds, IReadOnlyCollection<Relation>? relations, CancellationToken cancellationToken) =>
        Guard(() => inner.GetEdgesToAsync(nodeIds, relations, cancellationToken));

    public Task<IReadOnlyDictionary<string, GraphEdge>> GetEdgesAsync(IReadOnlyCollection<string> edgeIds, CancellationToken cancellationToken) =>
        Guard(() => inner.GetEdgesAsync(edgeIds, cancellationToken));

    public Task<IReadOnlyDictionary<string, IReadOnlyList<SourceRef>>> GetSourceRefsAsync(IReadOnlyCollection<string> edgeIds, CancellationToken cancellationToken) =>
        Guard(() => inner.GetSourceRefsAsync(edgeIds, cancellationToken));

    public Task<IReadOnlyDictionary<string, Source>> GetSourcesAsync(IReadOnlyCollection<string> sourceIds, CancellationToken cancellationToken) =>
        Guard(() => inner.GetSourcesAsync(sourceIds, cancellationToken));

    public Task<IReadOnlyList<GraphEdge>> GetConflictedEdgesAsync(int first, int offset, CancellationToken cancellationToken) =>
        Guard(() => inner.GetConflictedEdgesAsync(first, offset, cancellationToken));

    public Task<string?> GetMetaAsync(string key, CancellationToken cancellationToken) => Guard(() => inner.GetMetaAsync(key, cancellationToken));

    public Task SetMetaAsync(string key, string value, CancellationToken cancellationToken) => Guard(() => inner.SetMetaAsync(key, value, cancellationToken));

    public Task<GraphStats> GetStatsAsync(CancellationToken cancellationToken) => Guard(() => inner.GetStatsAsync(cancellationToken));

    public Task<GraphBreakdown> GetBreakdownAsync(CancellationToken cancellationToken) => Guard(() => inner.GetBreakdownAsync(cancellationToken));

    private Task<T> Guard<T>(Func<Task<T>> call) => control.Fault is { } fault ? Task.FromException<T>(fault) : call();

    private Task Guard(Func<Task> call) => control.Fault is { } fault ? Task.FromException(fault) : call();
}
