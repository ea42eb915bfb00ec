using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace KnowledgeGraph.Storage.Neo4j;

/// <summary>
/// The Polly pipeline every unit of work to Neo4j runs in (one statement, or one whole transaction): retry with
/// exponential backoff and jitter on transient failures only, a circuit breaker that makes a dead server fail fast,
/// and a timeout per attempt. Retrying a whole unit (never one request inside a transaction) is safe because every
/// write is an idempotent MERGE.
/// </summary>
internal static class Neo4jResilience
{
    /// <summary>The timeout of the unit of work being run; set per call (statements and batches differ).</summary>
    public static readonly ResiliencePropertyKey<TimeSpan> Timeout = new("neo4j.timeout");

    public static ResiliencePipeline Build(Neo4jStoreOptions options, ILogger logger, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Neo4jTransientException>(),
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(10),
                OnRetry = args =>
                {
                    var error = args.Outcome.Exception as Neo4jException;
                    logger.LogWarning(
                        "Neo4j call failed ({Code}, HTTP {Status}); attempt {Attempt} of {Max} in {Delay} ms",
                        error?.Code ?? error?.GetType().Name,
                        error?.HttpStatus,
                        args.AttemptNumber + 2,
                        options.MaxRetryAttempts + 1,
                        (int)args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            // A refused statement says nothing about the server's health; failures to answer do.
            ShouldHandle = new PredicateBuilder()
                .Handle<Neo4jTransientException>()
                .Handle<Neo4jDatabaseException>()
                .Handle<TimeoutRejectedException>(),
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakerBreakDuration,
            OnOpened = args =>
            {
                logger.LogError("Neo4j at {Uri} keeps failing; calls fail fast for {Seconds} s", options.Uri, args.BreakDuration.TotalSeconds);
                return default;
            },
            OnClosed = _ =>
            {
                logger.LogInformation("Neo4j at {Uri} answers again", options.Uri);
                return default;
            },
        });

        builder.AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = args => ValueTask.FromResult(args.Context.Properties.GetValue(Timeout, options.RequestTimeout)),
        });
        return builder.Build();
    }
}
