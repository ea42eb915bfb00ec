using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Ingestion.Records;

/// <summary>Loads records files into a store, one file per batch: a file is applied whole or not at all.</summary>
public sealed class RecordsImporter(IGraphStore store, TimeProvider clock)
{
    /// <summary>Reads, validates and applies one file; throws <see cref="RecordsRejectedException"/> with file:line problems.</summary>
    public async Task<WriteResult> ImportFileAsync(string path, CancellationToken cancellationToken)
    {
        var file = await RecordsReader.ReadAsync(path, clock, cancellationToken);
        try
        {
            return await store.ApplyAsync(file.Batch, cancellationToken);
        }
        catch (GraphValidationException ex) when (ex.Problems.Count > 0)
        {
            throw new RecordsRejectedException(ex.Problems.Select(file.ToRecordProblem).ToList());
        }
    }

    /// <summary>Every *.jsonl file of a folder, in name order (an edge may refer to nodes of an earlier file).</summary>
    public async Task<WriteResult> ImportFolderAsync(string folder, CancellationToken cancellationToken)
    {
        var total = WriteResult.Empty;
        foreach (var path in Directory.EnumerateFiles(folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            total = total.Add(await ImportFileAsync(path, cancellationToken));
        }

        return total;
    }
}
