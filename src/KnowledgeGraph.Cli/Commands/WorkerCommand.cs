using System.CommandLine;
using KnowledgeGraph.Ingestion;
using KnowledgeGraph.Ingestion.Imports;
using KnowledgeGraph.Ingestion.Worker;
using KnowledgeGraph.Storage;
using KnowledgeGraph.Storage.Neo4j;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

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
            ImportsOptions imports;
            try
            {
                // A bad import schedule (Imports:Schedules) stops the start, each problem naming the schedule and field.
                imports = host.Services.GetRequiredService<IOptions<ImportsOptions>>().Value;
            }
            catch (OptionsValidationException ex)
            {
                await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, ex.Failures.Select(f => $"kg worker: {f}")));
                return 1;
            }

            try
            {
                await host.Services.GetRequiredService<IGraphStore>().InitializeAsync(ct);
            }
            catch (Exception ex) when (ex is Neo4jException or OptionsValidationException or InvalidOperationException)
            {
                // Unreachable Neo4j, missing settings, or a schema this process may not apply: say which, without a stack trace.
                await Console.Error.WriteLineAsync($"kg worker: {KgConfiguration.Describe(configuration)}: {ex.Message}");
                return 1;
            }

            host.Services.GetRequiredService<JobSignal>().MarkStoreReady();
            Console.WriteLine($"kg worker: processing the job queue of {KgConfiguration.Describe(configuration)} ({imports.Schedules.Count} import schedules); Ctrl+C to stop.");
            await host.RunAsync(ct);
            return 0;
        });
        return command;
    }
}
