using BenchmarkDotNet.Running;

namespace KnowledgeGraph.Benchmarks;

/// <summary>Entry point: `dotnet run -c Release --project bench/KnowledgeGraph.Benchmarks -- --filter '*Builders*'`.</summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
