using KnowledgeGraph.Storage.Jobs;

namespace KnowledgeGraph.Ingestion.Worker;

/// <summary>
/// Writes a running job's counts to the queue in the order they were reported, one write at a time, keeping only
/// the newest pending value. <see cref="FlushAsync"/> waits for the last write, so a late progress write can never
/// land after the job's final counts (which <see cref="System.Progress{T}"/> with fire-and-forget writes allowed).
/// </summary>
public sealed class JobProgressWriter(IJobQueue queue, string jobId) : IProgress<JobCounts>
{
    private readonly Lock _gate = new();
    private JobCounts? _pending;
    private bool _draining;
    private Task _writing = Task.CompletedTask;

    public void Report(JobCounts value)
    {
        lock (_gate)
        {
            _pending = value;
            if (!_draining)
            {
                _draining = true;
                _writing = Task.Run(DrainAsync);
            }
        }
    }

    /// <summary>Waits until every reported value has been written (or its write has failed).</summary>
    public async Task FlushAsync()
    {
        Task writing;
        lock (_gate)
        {
            writing = _writing;
        }

        await writing;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            JobCounts counts;
            lock (_gate)
            {
                if (_pending is null)
                {
                    _draining = false;
                    return;
                }

                counts = _pending;
                _pending = null;
            }

            try
            {
                await queue.ReportAsync(jobId, counts, CancellationToken.None);
            }
#pragma warning disable CA1031 // progress is informative; a failed write is replaced by the next one or by the final counts
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }
}
