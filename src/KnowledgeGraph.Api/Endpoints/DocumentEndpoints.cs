using System.Text;
using System.Text.Json;
using KnowledgeGraph.Api.Security;
using KnowledgeGraph.Ingestion.Worker;
using KnowledgeGraph.Storage.Jobs;
using Microsoft.Net.Http.Headers;

namespace KnowledgeGraph.Api.Endpoints;

/// <summary>
/// POST /api/documents (JSON {text, title, url, date}, or a text/plain or text/markdown body with title, url and
/// date as query parameters) answers 202 with the job; GET /api/jobs/{id} tells its state and counts.
/// </summary>
public static class DocumentEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapDocumentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/documents", SubmitAsync).RequireAccess(AccessScope.Write);
        app.MapGet("/api/jobs/{id}", async (string id, IJobQueue queue, CancellationToken ct) =>
            await queue.GetAsync(id, ct) is { } job ? Results.Json(JobView.Of(job), Json) : Error(StatusCodes.Status404NotFound, $"no job '{id}'"))
            .RequireAccess(AccessScope.Read);
        return app;
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, IJobQueue queue, JobSignal signal, CancellationToken ct)
    {
        var mediaType = http.Request.ContentType is { } ct1 && MediaTypeHeaderValue.TryParse(ct1, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        DocumentPayload? payload;
        switch (mediaType)
        {
            case "application/json":
                try
                {
                    payload = await JsonSerializer.DeserializeAsync<DocumentPayload>(http.Request.Body, Json, ct);
                }
                catch (JsonException ex)
                {
                    return Error(StatusCodes.Status400BadRequest, $"the body is not a JSON document {{text, title, url, date}}: {ex.Message.Split(" Path:")[0]}");
                }

                break;
            case "text/plain" or "text/markdown":
                using (var reader = new StreamReader(http.Request.Body, new UTF8Encoding(false, throwOnInvalidBytes: true)))
                {
                    string text;
                    try
                    {
                        text = await reader.ReadToEndAsync(ct);
                    }
                    catch (DecoderFallbackException)
                    {
                        return Error(StatusCodes.Status400BadRequest, "the body is not valid UTF-8 text");
                    }

                    var query = http.Request.Query;
                    payload = new DocumentPayload(text, Param(query, "title"), Param(query, "url"), Param(query, "date") ?? Param(query, "publishedOn"), null);
                }

                break;
            default:
                return Error(StatusCodes.Status415UnsupportedMediaType, $"send application/json, text/plain or text/markdown, not '{http.Request.ContentType ?? "nothing"}'");
        }

        if (payload is null)
        {
            return Error(StatusCodes.Status400BadRequest, "the body must be a JSON object {text, title, url, date}");
        }

        try
        {
            // Checks the date and the text (empty, too long, not text) now, so a bad request is refused at once
            // rather than failing in the queue.
            JobProcessor.ToInput(payload with { Name = "POST /api/documents" });
        }
        catch (Ingestion.Documents.DocumentRejectedException ex)
        {
            return Error(StatusCodes.Status400BadRequest, ex.Message);
        }

        var job = await queue.EnqueueAsync(JobKinds.Document, JsonSerializer.Serialize(payload with { Name = payload.Name ?? payload.Url ?? payload.Title ?? "POST /api/documents" }, Json), ct);
        signal.Notify();
        return new WithLocation(Results.Json(new { id = job.Id, state = "queued" }, Json, statusCode: StatusCodes.Status202Accepted), $"/api/jobs/{job.Id}");
    }

    private static string? Param(IQueryCollection query, string name) => query[name].ToString() is { Length: > 0 } value ? value : null;

    internal static IResult Error(int status, string message) => Results.Json(new { error = message }, Json, statusCode: status);

    /// <summary>A result with a Location header.</summary>
    internal sealed class WithLocation(IResult inner, string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Location = location;
            return inner.ExecuteAsync(httpContext);
        }
    }
}

/// <summary>A job as the API shows it.</summary>
public sealed record JobView(string Id, string Kind, string State, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error, JobCounts Counts, IReadOnlyList<JobFailure> Failures)
{
    public static JobView Of(ImportJob job) => new(job.Id, job.Kind, job.State.ToString().ToLowerInvariant(), job.Attempts, job.CreatedAt, job.StartedAt, job.FinishedAt, job.Error, job.Counts, job.Failures);
}
