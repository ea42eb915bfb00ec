using GraphQL.Types;
using KnowledgeGraph.Storage.Jobs;

namespace KnowledgeGraph.Api.GraphQL.Types;

/// <summary>An ingestion job: its state and what it did.</summary>
public sealed class ImportJobType : ObjectGraphType<ImportJob>
{
    public ImportJobType()
    {
        Name = "ImportJob";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("state").Description("queued, running, succeeded or failed.").Resolve(c => c.Source.State.ToString().ToLowerInvariant());
        Field<NonNullGraphType<IntGraphType>>("attempts").Resolve(c => c.Source.Attempts);
        Field<NonNullGraphType<StringGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Field<StringGraphType>("finishedAt").Resolve(c => c.Source.FinishedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Field<StringGraphType>("error").Resolve(c => c.Source.Error);
        Field<NonNullGraphType<IntGraphType>>("documents").Resolve(c => c.Source.Counts.Documents);
        Field<NonNullGraphType<IntGraphType>>("claims").Resolve(c => c.Source.Counts.Claims);
        Field<NonNullGraphType<IntGraphType>>("newNodes").Resolve(c => c.Source.Counts.NewNodes);
        Field<NonNullGraphType<IntGraphType>>("newEdges").Resolve(c => c.Source.Counts.NewEdges);
        Field<NonNullGraphType<IntGraphType>>("conflicts").Resolve(c => c.Source.Counts.Conflicts);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<JobFailureType>>>>("failures").Resolve(c => c.Source.Failures);
    }
}

/// <summary>One item of a job that failed, and why.</summary>
public sealed class JobFailureType : ObjectGraphType<JobFailure>
{
    public JobFailureType()
    {
        Name = "JobFailure";
        Field<NonNullGraphType<StringGraphType>>("item").Resolve(c => c.Source.Item);
        Field<NonNullGraphType<StringGraphType>>("reason").Resolve(c => c.Source.Reason);
    }
}
