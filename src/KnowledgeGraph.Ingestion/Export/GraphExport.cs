using KnowledgeGraph.Ingestion.Records;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Ingestion.Export;

/// <summary>Writes a store's graph to a file in one of the <see cref="ExportFormat"/>s, whole or not at all.</summary>
public static class GraphExport
{
    /// <summary>
    /// Streams the graph into a temporary file beside <paramref name="path"/> and renames it when complete, so a failed
    /// or cancelled export never leaves a truncated file under the requested name.
    /// </summary>
    public static async Task<ExportCounts> ToFileAsync(IGraphStore store, ExportFormat format, string path, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var graph = store as IGraphExporter ?? throw new NotSupportedException($"the store {store.GetType().Name} cannot be read page by page");
        var target = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        try
        {
            ExportCounts counts;
            await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                counts = format switch
                {
                    ExportFormat.Jsonl => await RecordsWriter.WriteAsync(graph, stream, pageSize, cancellationToken),
                    ExportFormat.GraphMl => await GraphMlWriter.WriteAsync(graph, stream, pageSize, cancellationToken),
                    ExportFormat.Csv => await AffiliationsCsvWriter.WriteAsync(graph, store, stream, pageSize, cancellationToken),
                    _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
                };
            }

            File.Move(partial, target, overwrite: true);
            return counts;
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
