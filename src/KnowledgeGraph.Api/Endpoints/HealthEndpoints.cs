using KnowledgeGraph.Api.Hosting;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Api.Endpoints;

/// <summary>/health/live (the process answers) and /health/ready (the store answers and start-up has finished).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => Results.Json(new { status = "live" }));
        app.MapGet("/health/ready", async (Readiness readiness, IGraphStore store, CancellationToken ct) =>
        {
            if (readiness.StartupError is { } error)
            {
                return Results.Json(new { status = "failed", reason = error }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            if (!readiness.StartupFinished)
            {
                var reason = readiness.WaitingFor is { } waiting ? $"waiting for the store: {waiting}" : "schema set-up or seed import still running";
                return Results.Json(new { status = "starting", reason }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            return await store.PingAsync(ct)
                ? Results.Json(new { status = "ready" })
                : Results.Json(new { status = "unavailable", reason = "the store does not answer" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
