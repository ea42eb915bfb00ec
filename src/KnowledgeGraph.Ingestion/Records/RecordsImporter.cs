using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Ingestion.Records;

/// <summary>Loads records files into a store, one file per batch: a file is applied whole or not at all.</summary>
public sealed class RecordsImporter(IGraphStore store, TimeProvider clock)
{
    /// <summary>Reads, validates and applies one file; throws <see cref="RecordsRejectedException"/> with file:line problems.</summary>
    public async Task<WriteResult> ImportFileAsync(string path, CancellationToken cancellationToken) =>
        await ImportFileAsync(path, path, cancellationToken);

    /// <summary>Like <see cref="ImportFileAsync(string, CancellationToken)"/>, naming the file <paramref name="name"/> in problems (a feed's url for its download).</summary>
    public async Task<WriteResult> ImportFileAsync(string path, string name, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await ApplyAsync(await RecordsReader.ReadAsync(stream, name, clock, cancellationToken), cancellationToken);
    }

    /// <summary>Applies a parsed file as one batch; store problems come back as the file lines that caused them.</summary>
    public async Task<WriteResult> ApplyAsync(RecordsFile file, CancellationToken cancellationToken)
    {
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
