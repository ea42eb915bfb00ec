using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Types;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Api.GraphQL.Corrections;

/// <summary>The mutations that correct the graph by hand: retractSource, resolveConflict, mergeEntities.</summary>
internal static class CorrectionFields
{
    public static void Register(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);

        mutation.Field<NonNullGraphType<RetractResultType>>("retractSource")
            .Description("""
                Withdraws every claim of one source, in one transaction: edges only it supported are removed, the others are
                settled again from their remaining sources. The source stays, marked retracted (retractedAt), so importing it
                again adds nothing; a new version of a document (same url, new text) replaces it. Retracting again changes nothing.
                """)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(c => RunAsync(c, store => store.RetractSourceAsync(c.GetArgument<string>("id"), c.CancellationToken)));

        mutation.Field<NonNullGraphType<ConflictResolutionType>>("resolveConflict")
            .Description("""
                Records a person's value for a disputed field: id is a conflict id from `conflicts` ("edge:…/start"), or an
                edge id when only one of its fields is disputed. The edge then holds this value and the field leaves
                `conflicts` and the conflict count; the sources and their values are kept. The choice outlives re-imports.
                """)
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<PartialDateGraphType>>("value")
            .Argument<StringGraphType>("note", "Why this value (kept with the choice).")
            .ResolveAsync(c => RunAsync(c, store => store.ResolveConflictAsync(c.GetArgument<string>("id"), c.GetArgument<PartialDate>("value"), c.GetArgument<string?>("note"), c.CancellationToken)));

        mutation.Field<NonNullGraphType<MergeResultType>>("mergeEntities")
            .Description("""
                Folds the node `remove` into `keep` (same kind only), in one transaction: its edges and their sources move
                over, the same fact twice becomes one edge with both sources, its names become aliases of `keep`, and later
                imports naming `remove` (by id or name) reach `keep`. Merging again changes nothing.
                """)
            .Argument<NonNullGraphType<IdGraphType>>("keep")
            .Argument<NonNullGraphType<IdGraphType>>("remove")
            .ResolveAsync(c => RunAsync(c, store => store.MergeEntitiesAsync(c.GetArgument<string>("keep"), c.GetArgument<string>("remove"), c.CancellationToken)));
    }

    /// <summary>Runs a correction; a refusal (unknown id, other kind, no such conflict) or a store without it is a GraphQL error with its reason.</summary>
    private static async Task<object?> RunAsync<T>(IResolveFieldContext context, Func<IGraphStore, Task<T>> correction)
    {
        try
        {
            return await correction(context.RequestServices!.GetRequiredService<IGraphStore>());
        }
        catch (Exception ex) when (ex is CorrectionException or NotSupportedException)
        {
            throw new ExecutionError(ex.Message, ex);
        }
    }
}
