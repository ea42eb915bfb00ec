using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Api.Hosting;

/// <summary>
/// Answers 503 with a JSON error and Retry-After, instead of a 500, when the store (or the job queue in its file)
/// cannot answer an /api call; the client sees the reason only, never the store's message, paths or addresses.
/// GraphQL requests report the same as a GraphQL error instead (see the unhandled exception handler).
/// </summary>
public sealed class StoreFaultResponses(RequestDelegate next, ILogger<StoreFaultResponses> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (Exception ex) when (StoreFault.Describe(ex) is { } reason && !http.Response.HasStarted)
        {
            logger.LogWarning(ex, "{Method} {Path}: the store cannot answer ({Reason})", http.Request.Method, http.Request.Path, reason);
            http.Response.Clear();
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = "5";
            await http.Response.WriteAsJsonAsync(new { error = StoreUnavailableException.MessageFor(reason) }, http.RequestAborted);
        }
    }
}
