using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Ingestion.Documents;
using KnowledgeGraph.Ingestion.Worker;
using KnowledgeGraph.Storage.Jobs;

namespace KnowledgeGraph.Api.GraphQL.Types;

/// <summary>The write side of the API.</summary>
public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        Field<NonNullGraphType<ImportJobType>>("ingestDocument")
            .Description("Queues a document (front matter allowed) for the ingestion worker; returns its job.")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Argument<StringGraphType>("title")
            .Argument<StringGraphType>("url")
            .Argument<PartialDateGraphType>("date")
            .ResolveAsync(async c =>
            {
                var payload = new DocumentPayload(c.GetArgument<string>("text"), c.GetArgument<string?>("title"), c.GetArgument<string?>("url"), c.GetArgument<PartialDate?>("date")?.ToString(), "ingestDocument");
                try
                {
                    JobProcessor.ToInput(payload);
                }
                catch (DocumentRejectedException ex)
                {
                    throw new ExecutionError(ex.Message);
                }

                var services = c.RequestServices!;
                var job = await services.GetRequiredService<IJobQueue>().EnqueueAsync(JobKinds.Document, JsonSerializer.Serialize(payload, new JsonSerializerOptions(JsonSerializerDefaults.Web)), c.CancellationToken);
                services.GetRequiredService<JobSignal>().Notify();
                return job;
            });

        Corrections.CorrectionFields.Register(this);
    }
}
