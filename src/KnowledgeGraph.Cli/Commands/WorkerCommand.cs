using System.CommandLine;
using KnowledgeGraph.Extraction;
using KnowledgeGraph.Ingestion.Documents;
using KnowledgeGraph.Ingestion.Resolution;
using KnowledgeGraph.Ingestion.Worker;
using KnowledgeGraph.Storage;
using KnowledgeGraph.Storage.Jobs;
using KnowledgeGraph.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>`kg worker`: the ingestion worker on its own, beside a store another process serves.</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var command = new Command("worker", "Process the job queue of the store named by Data:Path until stopped (Ctrl+C returns a running job to the queue).");
        command.SetAction(async (_, ct) =>
        {
            var configuration = KgConfiguration.Load();
            var databasePath = KgConfiguration.DatabasePath(configuration);
            var builder = Host.CreateApplicationBuilder();
            builder.Configuration.AddConfiguration(configuration);
            builder.Services.AddSingleton(TimeProvider.System);
            builder.Services.AddGraphStore(builder.Configuration, _ => databasePath);
            builder.Services.AddSingleton<IJobQueue>(sp => new SqliteJobQueue(databasePath, sp.GetRequiredService<TimeProvider>()));
            builder.Services.AddOptions<IngestionOptions>().Bind(builder.Configuration.GetSection(IngestionOptions.Section));
            builder.Services.AddSingleton<JobSignal>();
            builder.Services.AddSingleton<IClaimExtractor>(_ => new BuiltInExtractor());
            builder.Services.AddSingleton<EntityResolver>();
            builder.Services.AddSingleton<DocumentIngestor>();
            builder.Services.AddSingleton<JobProcessor>();
            builder.Services.AddHostedService<IngestionWorker>();
            using var host = builder.Build();
            await host.Services.GetRequiredService<IGraphStore>().InitializeAsync(ct);
            host.Services.GetRequiredService<JobSignal>().MarkStoreReady();
            Console.WriteLine($"kg worker: processing the job queue of {databasePath}; Ctrl+C to stop.");
            await host.RunAsync(ct);
            return 0;
        });
        return command;
    }
}
