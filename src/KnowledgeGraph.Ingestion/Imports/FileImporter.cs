using KnowledgeGraph.Ingestion.Documents;
using KnowledgeGraph.Ingestion.Records;
using KnowledgeGraph.Ingestion.Resolution;
using KnowledgeGraph.Storage;
using KnowledgeGraph.Storage.Jobs;

namespace KnowledgeGraph.Ingestion.Imports;

/// <summary>
/// Imports one file of any <see cref="ImportFormat"/>. A bad item is recorded in the failures with its reason and
/// the caller goes on; the unit is the document for documents (a documents JSONL file is first checked whole, so a
/// bad line keeps all of it out), and the whole file for records and affiliations. Unchanged documents are skipped
/// by content hash (see <see cref="DocumentIngestor"/>); records and affiliations merge idempotently.
/// </summary>
public sealed class FileImporter(DocumentIngestor documents, IGraphStore store, EntityResolver resolver, TimeProvider clock)
{
    /// <summary>Imports <paramref name="path"/>, naming it <paramref name="name"/> in failures (the path, or a feed's url).</summary>
    public async Task<JobCounts> ImportAsync(string path, string name, ImportFormat format, List<JobFailure> failures, CancellationToken cancellationToken)
    {
        try
        {
            return format switch
            {
                ImportFormat.Records => Counts(await new RecordsImporter(store, clock).ImportFileAsync(path, name, cancellationToken), 0),
                ImportFormat.Affiliations => await ImportAffiliationsAsync(path, name, cancellationToken),
                ImportFormat.DocumentLines => await ImportDocumentLinesAsync(path, name, failures, cancellationToken),
                _ => await ImportDocumentAsync(path, name, failures, cancellationToken),
            };
        }
        catch (RecordsRejectedException ex)
        {
            failures.Add(new JobFailure(name, string.Join("; ", ex.Problems.Take(20).Select(p => p.ToString()))));
            return JobCounts.Zero with { Failures = 1 };
        }
    }

    /// <summary>
    /// Checks a records, documents JSONL or affiliations CSV file without writing anything, for refusing an upload at
    /// once; throws <see cref="RecordsRejectedException"/> with every line problem. What only the store can tell (an
    /// edge naming a node it does not hold) is found when the file is imported.
    /// </summary>
    public static async Task CheckAsync(string path, string name, ImportFormat format, CancellationToken cancellationToken)
    {
        switch (format)
        {
            case ImportFormat.Records:
                await using (var stream = File.OpenRead(path))
                {
                    await RecordsReader.ReadAsync(stream, name, TimeProvider.System, cancellationToken);
                }

                break;
            case ImportFormat.DocumentLines:
                await DocumentLinesReader.CheckAsync(path, name, cancellationToken);
                break;
            case ImportFormat.Affiliations:
                await AffiliationsReader.CheckAsync(path, name, cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "documents are checked by DocumentIngestor.Check");
        }
    }

    /// <summary>One document through the pipeline; a rejected document is a failure with its reason, not an exception.</summary>
    public async Task<JobCounts> IngestOneAsync(DocumentInput input, List<JobFailure> failures, CancellationToken cancellationToken)
    {
        try
        {
            var result = await documents.IngestAsync(input, cancellationToken);
            return new JobCounts(1, result.Claims, result.Write.NewNodes, result.Write.NewEdges, result.Write.Conflicts, 0);
        }
        catch (DocumentRejectedException ex)
        {
            failures.Add(new JobFailure(input.Name, ex.Message));
        }
        catch (GraphValidationException ex)
        {
            failures.Add(new JobFailure(input.Name, $"{input.Name}: {ex.Message}"));
        }

        return JobCounts.Zero with { Documents = 1, Failures = 1 };
    }

    private async Task<JobCounts> ImportDocumentAsync(string path, string name, List<JobFailure> failures, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await Worker.JobProcessor.ReadTextAsync(path, cancellationToken);
        }
        catch (DocumentRejectedException ex)
        {
            failures.Add(new JobFailure(name, ex.Message.Replace(path, name, StringComparison.Ordinal)));
            return JobCounts.Zero with { Documents = 1, Failures = 1 };
        }

        return await IngestOneAsync(new DocumentInput(text) { Name = name }, failures, cancellationToken);
    }

    private async Task<JobCounts> ImportDocumentLinesAsync(string path, string name, List<JobFailure> failures, CancellationToken cancellationToken)
    {
        await DocumentLinesReader.CheckAsync(path, name, cancellationToken);
        var total = JobCounts.Zero;
        await foreach (var input in DocumentLinesReader.ReadAsync(path, name, cancellationToken))
        {
            total = total.Add(await IngestOneAsync(input, failures, cancellationToken));
        }

        return total;
    }

    private async Task<JobCounts> ImportAffiliationsAsync(string path, string name, CancellationToken cancellationToken)
    {
        var file = await AffiliationsReader.ReadAsync(path, name, resolver, clock, cancellationToken);
        return Counts(await new RecordsImporter(store, clock).ApplyAsync(file, cancellationToken), file.Batch.Edges.Count);
    }

    /// <summary>A structured file's counts: no documents; its rows are the claims (0 for records, which state edges directly).</summary>
    private static JobCounts Counts(WriteResult write, int claims) => new(0, claims, write.NewNodes, write.NewEdges, write.Conflicts, 0);
}
