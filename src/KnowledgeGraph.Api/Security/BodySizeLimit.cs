using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace KnowledgeGraph.Api.Security;

/// <summary>
/// Caps the request body of POST /graphql, POST /api/documents and POST /api/imports, answering 413 with a JSON error (a GraphQL error
/// response for /graphql) both when Content-Length says too much and when a chunked body runs over.
/// </summary>
public sealed class BodySizeLimit(RequestDelegate next, Microsoft.Extensions.Options.IOptions<RequestLimits> options)
{
    private readonly RequestLimits limits = options.Value;

    public async Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path;
        var (limit, setting, graphQL) = path.StartsWithSegments("/graphql") ? (limits.MaxGraphQLBodyBytes, "Limits:MaxGraphQLBodyBytes", true)
            : path.StartsWithSegments("/api/imports") ? (limits.MaxImportBodyBytes, "Limits:MaxImportBodyBytes", false)
            : path.StartsWithSegments("/api") ? (limits.MaxDocumentBodyBytes, "Limits:MaxDocumentBodyBytes", false)
            : (0L, null, false);
        if (setting is null || !HttpMethods.IsPost(http.Request.Method))
        {
            await next(http);
            return;
        }

        var message = $"The request body is over the limit of {limit} bytes ({setting}).";
        if (http.Request.ContentLength > limit)
        {
            await WriteAsync(http, graphQL, $"The request body is {http.Request.ContentLength} bytes, over the limit of {limit} bytes ({setting}).");
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit + 1;
        }

        http.Request.Body = new LimitedReadStream(http.Request.Body, limit);
        try
        {
            await next(http);
        }
        catch (Exception ex) when (IsOverLimit(ex) && !http.Response.HasStarted)
        {
            await WriteAsync(http, graphQL, message);
        }
    }

    private static bool IsOverLimit(Exception ex) => ex switch
    {
        BodyTooLargeException => true,
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => true,
        { InnerException: { } inner } => IsOverLimit(inner),
        _ => false,
    };

    private static Task WriteAsync(HttpContext http, bool graphQL, string message)
    {
        http.Response.Clear();
        http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        http.Response.ContentType = "application/json; charset=utf-8";
        object body = graphQL ? new { errors = new[] { new { message } } } : new { error = message };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body), http.RequestAborted);
    }

    /// <summary>Thrown when a body runs over its limit while being read.</summary>
    private sealed class BodyTooLargeException() : IOException("The request body is over the limit.");

    /// <summary>A read-only view of the body that throws once more than the limit has been read.</summary>
    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int n)
        {
            read += n;
            return read > limit ? throw new BodyTooLargeException() : n;
        }
    }
}
