using System.CommandLine;
using KnowledgeGraph.Ingestion;
using KnowledgeGraph.Ingestion.Worker;
using KnowledgeGraph.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>`kg worker`: the ingestion worker on its own, beside a store another process serves.</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var command = new Command("worker", "Process the job queue of the configured store (Store:Kind; Data:Path or Store:Neo4j:*) until stopped (Ctrl+C returns a running job to the queue).");
        command.SetAction(async (_, ct) =>
        {
            var configuration = KgConfiguration.Load();
            var databasePath = KgConfiguration.DatabasePath(configuration);
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddConfiguration(configuration);
            builder.Services.AddSingleton(TimeProvider.System);
            builder.Services.AddGraphStore(builder.Configuration, _ => databasePath);
            builder.Services.AddIngestion(builder.Configuration, runWorker: true);
            using var host = builder.Build();
            await host.Services.GetRequiredService<IGraphStore>().InitializeAsync(ct);
            host.Services.GetRequiredService<JobSignal>().MarkStoreReady();
            Console.WriteLine($"kg worker: processing the job queue of {KgConfiguration.Describe(configuration)}; Ctrl+C to stop.");
            await host.RunAsync(ct);
            return 0;
        });
        return command;
    }
}
