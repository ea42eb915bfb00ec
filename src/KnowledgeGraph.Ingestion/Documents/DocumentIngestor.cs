using System.Security.Cryptography;
using System.Text;
using KnowledgeGraph.Core.Claims;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Extraction;
using KnowledgeGraph.Ingestion.Resolution;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Ingestion.Documents;

/// <summary>
/// Extract → Resolve → Merge → Store for one document. The document becomes a Source (id from its url, else its
/// content); ingesting the same text again changes nothing; a new version replaces that document's claims and nothing
/// else; every edge keeps the quote and offsets that state it.
/// </summary>
public sealed class DocumentIngestor(IGraphStore store, IClaimExtractor extractor, EntityResolver resolver, TimeProvider clock, Microsoft.Extensions.Options.IOptions<IngestionOptions> options)
{
    /// <summary>Largest document accepted, in characters.</summary>
    public const int MaxChars = 2_000_000;

    public async Task<DocumentResult> IngestAsync(DocumentInput input, CancellationToken cancellationToken)
    {
        var document = Read(input);
        var contentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input.Text)));
        // A document is known by its url and title (several write-ups may cite one page); without a url, by its content.
        var identity = document.Url is { } url ? $"url:{url}|title:{document.Title}" : "content:" + contentHash;
        var sourceId = "src:doc-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 10));
        var existing = (await store.GetSourcesAsync([sourceId], cancellationToken)).GetValueOrDefault(sourceId);
        if (existing is not null && existing.ContentHash == contentHash)
        {
            return new DocumentResult(sourceId, true, 0, 0, WriteResult.Empty);
        }

        var claims = await extractor.ExtractAsync(document, cancellationToken);
        var batch = new GraphBatch();
        batch.Sources.Add(new Source(sourceId, document.Title, document.Url, document.Date, clock.GetUtcNow()) { ContentHash = contentHash });
        var resolution = new BatchResolution(resolver);
        var skipped = 0;
        foreach (var claim in claims)
        {
            if (claim.Confidence < options.Value.MinConfidence || !claim.Relation.Allows(claim.Subject.Kind, claim.Object.Kind) || (claim.Start is { } s && claim.End is { } e && e.IsBefore(s)) || (claim.Relation.IsEvent() && claim.End is not null))
            {
                skipped++;
                continue;
            }

            var (from, _) = await resolution.ResolveAsync(claim.Subject, cancellationToken);
            var (to, _) = await resolution.ResolveAsync(claim.Object, cancellationToken);
            if (from == to)
            {
                skipped++;
                continue;
            }

            batch.Edges.Add(new EdgeInput(claim.Relation, from, to, [new SourceRef(sourceId)
            {
                Quote = claim.Evidence.Quote,
                QuoteStart = claim.Evidence.Start,
                QuoteEnd = claim.Evidence.End,
                Confidence = claim.Confidence,
            }])
            {
                Start = claim.Start,
                End = claim.End,
                Role = claim.Role,
                Confidence = claim.Confidence,
            });
        }

        batch.Nodes.AddRange(resolution.NewNodes);
        var write = existing is null ? await store.ApplyAsync(batch, cancellationToken) : await ReplaceAsync(input, document, sourceId, batch, cancellationToken);
        return new DocumentResult(sourceId, false, claims.Count, skipped, write);
    }

    /// <summary>A new version of a known document (same url and title, new text) takes the place of the old one's claims.</summary>
    private async Task<WriteResult> ReplaceAsync(DocumentInput input, Document document, string sourceId, GraphBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            return await store.ReplaceSourceAsync(sourceId, batch, cancellationToken);
        }
        catch (NotSupportedException ex)
        {
            throw new DocumentRejectedException($"{input.Name}: a different version of {document.Url} was ingested before and this store cannot replace a document's claims ({ex.Message}), so this version was not applied", ex);
        }
    }

    /// <summary>The checks a document must pass before it is queued or read: not empty, not too long, text.</summary>
    public static void Check(DocumentInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            throw new DocumentRejectedException($"{input.Name}: the document is empty");
        }

        if (input.Text.Length > MaxChars)
        {
            throw new DocumentRejectedException($"{input.Name}: the document has {input.Text.Length:N0} characters; the limit is {MaxChars:N0}");
        }

        if (input.Text.Contains('\0', StringComparison.Ordinal) || input.Text.Contains('\uFFFD', StringComparison.Ordinal))
        {
            throw new DocumentRejectedException($"{input.Name}: the document is not text (it holds NUL bytes or invalid UTF-8)");
        }
    }

    private static Document Read(DocumentInput input)
    {
        Check(input);
        Document document;
        try
        {
            document = FrontMatter.Read(input.Text, input.Name);
        }
        catch (FrontMatterException ex)
        {
            throw new DocumentRejectedException(ex.Message, ex);
        }

        return document with
        {
            Title = input.Title ?? document.Title,
            Url = input.Url ?? document.Url,
            Date = input.Date ?? document.Date,
        };
    }
}
