using GraphQL;
using GraphQL.DI;
using GraphQL.PersistedDocuments;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Security.TrustedDocuments;

/// <summary>
/// Runs GraphQL.NET's persisted-document handler over the trusted documents: a request may send "documentId" (a file
/// name, or "sha256:" and the hash) instead of "query", and with TrustedDocuments:Only nothing else runs. Its errors are
/// reworded to name the id and the setting. It runs before the document cache, so a document sent by id is cached too.
/// </summary>
public sealed class TrustedDocumentHandler : IConfigureExecution
{
    private readonly PersistedDocumentHandler handler;
    private readonly bool only;
    private readonly int count;

    public TrustedDocumentHandler(TrustedDocumentSet documents, IOptions<TrustedDocumentOptions> options)
    {
        only = options.Value.Only;
        count = documents.Documents.Count;
        var persisted = new PersistedDocumentOptions
        {
            AllowOnlyPersistedDocuments = only,
            GetQueryDelegate = (execution, prefix, payload) => documents.GetQueryAsync(prefix, payload, execution.CancellationToken),
        };
        persisted.AllowedPrefixes.Add(null);
        handler = new PersistedDocumentHandler(persisted);
    }

    public float SortOrder => 100;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var result = await handler.ExecuteAsync(options, next);
        if (result.Executed || result.Errors is not [var error])
        {
            return result;
        }

        var message = error switch
        {
            InvalidRequestError => "Send either 'query' or 'documentId', not both.",
            DocumentIdMissingError when only => "Only trusted documents run here (TrustedDocuments:Only is true): send 'documentId' with a trusted document's name or 'sha256:<hash>' instead of 'query'.",
            DocumentIdMissingError => "The request has no 'query' or 'documentId'.",
            DocumentIdInvalidError => $"The documentId '{options.DocumentId}' is not valid: use a trusted document's name (no ':') or 'sha256:' and 64 lower-case hex digits.",
            DocumentNotFoundError => $"No trusted document has the id '{options.DocumentId}' ({count} are loaded from TrustedDocuments:Path).",
            _ => null,
        };
        return message is null ? result : new ExecutionResult(new ExecutionError(message) { Code = error.Code });
    }
}
