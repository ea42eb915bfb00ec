using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.Security;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace KnowledgeGraph.Api.Endpoints;

/// <summary>
/// POST and GET /graphql per the GraphQL over HTTP specification: JSON requests, GET for queries only, and
/// application/graphql-response+json (with 4xx for requests that could not execute) when the client accepts it.
/// </summary>
public static class GraphQLEndpoint
{
    public const string GraphQLResponseJson = "application/graphql-response+json";

    public static IEndpointRouteBuilder MapGraphQLEndpoint(this IEndpointRouteBuilder app, string path = "/graphql")
    {
        app.MapPost(path, HandlePostAsync);
        app.MapGet(path, HandleGetAsync);
        return app;
    }

    private static async Task HandlePostAsync(HttpContext http, IDocumentExecuter<KnowledgeGraphSchema> executer, IGraphQLTextSerializer serializer)
    {
        var contentType = http.Request.ContentType is { } ct && MediaTypeHeaderValue.TryParse(ct, out var parsed) ? parsed.MediaType.Value : null;
        if (!string.Equals(contentType, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            await WriteRequestErrorAsync(http, serializer, StatusCodes.Status415UnsupportedMediaType, $"POST /graphql needs Content-Type: application/json, got '{http.Request.ContentType ?? "none"}'.");
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException or FormatException or InvalidCastException)
        {
            await WriteRequestErrorAsync(http, serializer, StatusCodes.Status400BadRequest, $"The request body is not a valid GraphQL request: {ex.Message}");
            return;
        }

        await ExecuteAsync(http, executer, serializer, request, allowMutation: true);
    }

    private static async Task HandleGetAsync(HttpContext http, IDocumentExecuter<KnowledgeGraphSchema> executer, IGraphQLTextSerializer serializer)
    {
        var query = http.Request.Query;
        Inputs? variables = null;
        if (query["variables"].ToString() is { Length: > 0 } json)
        {
            try
            {
                variables = serializer.Deserialize<Inputs>(json);
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException or FormatException)
            {
                await WriteRequestErrorAsync(http, serializer, StatusCodes.Status400BadRequest, $"The 'variables' parameter is not a JSON object: {ex.Message}");
                return;
            }
        }

        var request = new GraphQLRequest
        {
            Query = query["query"].ToString() is { Length: > 0 } q ? q : null,
            DocumentId = query["documentId"].ToString() is { Length: > 0 } id ? id : null,
            OperationName = query["operationName"].ToString() is { Length: > 0 } op ? op : null,
            Variables = variables,
        };
        await ExecuteAsync(http, executer, serializer, request, allowMutation: false);
    }

    private static async Task ExecuteAsync(HttpContext http, IDocumentExecuter<KnowledgeGraphSchema> executer, IGraphQLTextSerializer serializer, GraphQLRequest? request, bool allowMutation)
    {
        var responseType = ChooseResponseType(http.Request);
        if (responseType is null)
        {
            await WriteRequestErrorAsync(http, serializer, StatusCodes.Status406NotAcceptable, $"Accept must allow application/json or {GraphQLResponseJson}.");
            return;
        }

        var gate = http.RequestServices.GetRequiredService<ApiKeyGate>();
        if (gate.Decide(http, AccessScope.Read) is { IsAllowed: false } readDecision)
        {
            await WriteRequestErrorAsync(http, serializer, readDecision.Status, $"Reads need a key: {readDecision.Message}.");
            return;
        }

        if (string.IsNullOrWhiteSpace(request?.Query) && string.IsNullOrWhiteSpace(request?.DocumentId))
        {
            await WriteRequestErrorAsync(http, serializer, StatusCodes.Status400BadRequest, "The request has no 'query' or 'documentId'.");
            return;
        }

        var limits = http.RequestServices.GetRequiredService<IOptions<RequestLimits>>().Value;
        IEnumerable<global::GraphQL.Validation.IValidationRule> rules = [.. global::GraphQL.Validation.DocumentValidator.CoreRules, new MaxAliasesRule(limits.MaxAliases)];
        if (!allowMutation)
        {
            rules = rules.Append(QueriesOnlyRule.Instance);
        }
        else if (gate.Decide(http, AccessScope.Write) is { IsAllowed: false } writeDecision)
        {
            rules = rules.Append(new WriteAccessRule(writeDecision));
        }

        var result = await executer.ExecuteAsync(options =>
        {
            options.Query = string.IsNullOrWhiteSpace(request.Query) ? null : request.Query;
            options.DocumentId = request.DocumentId;
            options.OperationName = request.OperationName;
            options.Variables = request.Variables;
            options.Extensions = request.Extensions;
            options.RequestServices = http.RequestServices;
            options.User = http.User;
            options.CancellationToken = http.RequestAborted;
            options.ValidationRules = rules;
            options.Timeout = TimeSpan.FromSeconds(limits.TimeoutSeconds);
        });

        if (result.Errors?.OfType<global::GraphQL.Execution.TimeoutError>().Any() == true)
        {
            result.Errors = [new ExecutionError($"The request ran longer than the timeout of {limits.TimeoutSeconds} s (Limits:TimeoutSeconds).")];
        }

        http.Response.ContentType = responseType + "; charset=utf-8";
        http.Response.StatusCode = responseType == GraphQLResponseJson && !result.Executed ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        if (!allowMutation && result.Errors?.Any(e => e is QueriesOnlyRule.Error) == true)
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = "POST";
        }

        if (result.Errors?.OfType<WriteAccessRule.Error>().FirstOrDefault() is { } denied)
        {
            http.Response.StatusCode = denied.Status;
        }

        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>application/graphql-response+json when accepted, else application/json; null when neither is.</summary>
    private static string? ChooseResponseType(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept is null || accept.Count == 0)
        {
            return "application/json";
        }

        foreach (var type in accept.OrderByDescending(a => a.Quality ?? 1))
        {
            var media = type.MediaType.Value;
            if (string.Equals(media, GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
            {
                return GraphQLResponseJson;
            }

            if (string.Equals(media, "application/json", StringComparison.OrdinalIgnoreCase) || media is "*/*" or "application/*")
            {
                return "application/json";
            }
        }

        return null;
    }

    private static async Task WriteRequestErrorAsync(HttpContext http, IGraphQLTextSerializer serializer, int status, string message)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, new ExecutionResult(new ExecutionError(message)), http.RequestAborted);
    }
}
