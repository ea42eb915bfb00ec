using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using KnowledgeGraph.Extraction;

namespace KnowledgeGraph.Benchmarks;

/// <summary>
/// Throughput of the built-in extractor on one core over the development corpus
/// (tests/KnowledgeGraph.Extraction.Tests/Corpus): the MB/s column is UTF-8 megabytes of input per second.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ExtractionBenchmarks
{
    // The corpus is small (~14 KB); each operation extracts it this many times so iterations are long enough to time.
    internal const int Copies = 40;

    private readonly BuiltInExtractor _extractor = new();
    private List<Document> _documents = [];

    [GlobalSetup]
    public void Setup() => _documents = [.. Enumerable.Repeat(ExtractionCorpus.Load(), Copies).SelectMany(d => d)];

    [Benchmark(Description = "Extract corpus")]
    public int ExtractCorpus()
    {
        var claims = 0;
        foreach (var document in _documents)
        {
            claims += _extractor.Extract(document).Count;
        }

        return claims;
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new MegabytesPerSecondColumn());
    }

    private sealed class MegabytesPerSecondColumn : IColumn
    {
        private static readonly Lazy<long> CorpusBytes = new(() => Copies * ExtractionCorpus.Load().Sum(d => (long)Encoding.UTF8.GetByteCount(d.Text)));

        public string Id => "MBps";

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Megabytes (UTF-8, 10^6) of input text extracted per second on one core";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            return mean is > 0 ? (CorpusBytes.Value / (mean.Value / 1e9) / 1e6).ToString("0.00", CultureInfo.InvariantCulture) : "?";
        }

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}

/// <summary>Finds and reads the development corpus from the repository, wherever the benchmark process runs.</summary>
internal static class ExtractionCorpus
{
    public static List<Document> Load()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "KnowledgeGraph.sln")))
        {
            directory = directory.Parent;
        }

        var corpus = directory is null ? null : Path.Combine(directory.FullName, "tests", "KnowledgeGraph.Extraction.Tests", "Corpus");
        if (corpus is null || !Directory.Exists(corpus))
        {
            throw new DirectoryNotFoundException("Run from inside the repository: tests/KnowledgeGraph.Extraction.Tests/Corpus was not found.");
        }

        return [.. Directory.GetFiles(corpus, "*.md").Order(StringComparer.Ordinal).Select(f => FrontMatter.Read(File.ReadAllText(f), Path.GetFileName(f)))];
    }
}
