using System.Text;
using System.Text.Json;
using KnowledgeGraph.Api.Security;
using KnowledgeGraph.Ingestion.Imports;
using KnowledgeGraph.Ingestion.Records;
using KnowledgeGraph.Ingestion.Worker;
using KnowledgeGraph.Storage.Jobs;
using Microsoft.Net.Http.Headers;

namespace KnowledgeGraph.Api.Endpoints;

/// <summary>
/// POST /api/imports: an uploaded file as a job, with a write key. <c>text/csv</c> is an affiliations CSV;
/// <c>application/x-ndjson</c> (or application/jsonl) is JSONL, records or documents by its first line. The file is
/// checked whole first: a bad line answers 400 naming the line and field (<c>?name=people.csv</c> names the file in
/// messages) and nothing is queued; a good one answers 202 with the job and a Location of /api/jobs/{id}.
/// </summary>
public static class ImportEndpoints
{
    private const int MaxProblemsShown = 100;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/imports", SubmitAsync).RequireAccess(AccessScope.Write);
        return app;
    }

    private static async Task<IResult> SubmitAsync(HttpContext http, IJobQueue queue, JobSignal signal, CancellationToken ct)
    {
        var mediaType = http.Request.ContentType is { } header && MediaTypeHeaderValue.TryParse(header, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        ImportFormat? declared = mediaType switch
        {
            "text/csv" => ImportFormat.Affiliations,
            "application/x-ndjson" or "application/jsonl" or "application/jsonlines" => ImportFormat.Records,
            _ => null,
        };
        if (declared is null)
        {
            return DocumentEndpoints.Error(StatusCodes.Status415UnsupportedMediaType, $"send text/csv (affiliations) or application/x-ndjson (records or documents JSONL), not '{http.Request.ContentType ?? "nothing"}'");
        }

        var name = http.Request.Query["name"].ToString() is { Length: > 0 } given ? given : "POST /api/imports";
        if (name.Length > 200 || name.Any(char.IsControl))
        {
            return DocumentEndpoints.Error(StatusCodes.Status400BadRequest, "the name parameter must be at most 200 printable characters");
        }

        var path = Path.Combine(Path.GetTempPath(), $"kg-upload-{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = File.Create(path))
            {
                await http.Request.Body.CopyToAsync(file, ct);
            }

            var bytes = await File.ReadAllBytesAsync(path, ct);
            if (bytes.Length == 0)
            {
                return DocumentEndpoints.Error(StatusCodes.Status400BadRequest, $"{name}: the body is empty");
            }

            string content;
            try
            {
                content = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (DecoderFallbackException ex)
            {
                return DocumentEndpoints.Error(StatusCodes.Status400BadRequest, $"{name}: not valid UTF-8 text (byte {ex.Index})");
            }

            var format = declared == ImportFormat.Affiliations ? ImportFormat.Affiliations : await ImportFormats.DetectJsonlAsync(path, ct);
            try
            {
                await FileImporter.CheckAsync(path, name, format, ct);
            }
            catch (RecordsRejectedException ex)
            {
                var problems = ex.Problems.Take(MaxProblemsShown).Select(p => p.ToString()).ToList();
                return Results.Json(new { error = ex.Message, problems }, Json, statusCode: StatusCodes.Status400BadRequest);
            }

            var job = await queue.EnqueueAsync(JobKinds.Upload, JsonSerializer.Serialize(new UploadPayload(format.ToString(), name, content), Json), ct);
            signal.Notify();
            return new DocumentEndpoints.WithLocation(Results.Json(new { id = job.Id, state = "queued", format = FormatName(format) }, Json, statusCode: StatusCodes.Status202Accepted), $"/api/jobs/{job.Id}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string FormatName(ImportFormat format) => format switch
    {
        ImportFormat.Affiliations => "affiliations",
        ImportFormat.DocumentLines => "documents",
        _ => "records",
    };
}
