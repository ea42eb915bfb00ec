using GraphQL;
using GraphQL.Types;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Core.Careers;
using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage;

namespace KnowledgeGraph.Api.GraphQL.Types;

/// <summary>The read side of the API.</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";

        Field<NodeInterface>("node")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(c => c.Loaders().Nodes.Load(c.GetArgument<string>("id")));

        Lookup<PersonType>("person", NodeKind.Person, "name", "Find a person by id, or by name or alias (case-insensitive).");
        Lookup<OrganizationType>("organization", NodeKind.Organization, "name", "Find an organization by id, or by name or alias (case-insensitive).");
        Lookup<ModelType>("model", NodeKind.Model, "name", "Find a model by id, or by name or alias (case-insensitive).");
        Lookup<PaperType>("paper", NodeKind.Paper, "title", "Find a paper by id or title (case-insensitive).");

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NodeInterface>>>>("search")
            .Description("Full-text search over names and aliases; the last word matches as a prefix.")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 10)
            .ResolveAsync(async c =>
            {
                var text = c.GetArgument<string>("text");
                if (text.Length > 200)
                {
                    throw new ExecutionError($"Argument 'text' is {text.Length} characters long; the maximum is 200.");
                }

                var first = c.Lists().PageSize(c.GetArgument<int?>("first"));
                return await c.RequestServices!.GetRequiredService<IGraphStore>().SearchAsync(text, first, c.CancellationToken);
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DepartureType>>>>("departures")
            .Description("People who left an organization (id or name) within the inclusive period.")
            .Argument<NonNullGraphType<StringGraphType>>("organization")
            .Argument<PartialDateGraphType>("from")
            .Argument<PartialDateGraphType>("to")
            .ResolveAsync(async c =>
            {
                var careers = c.Careers();
                var org = await careers.OrganizationAsync(c.GetArgument<string>("organization"), c.CancellationToken);
                return await careers.DeparturesAsync(org.Id, new Period(c.GetArgument<PartialDate?>("from"), c.GetArgument<PartialDate?>("to")), c.CancellationToken);
            });

        Field<NonNullGraphType<SubgraphType>>("neighborhood")
            .Description("Nodes and edges within depth steps of a node; asOf marks each edge active or not.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<IntGraphType>("depth", a => a.DefaultValue = 1)
            .Argument<PartialDateGraphType>("asOf")
            .ResolveAsync(async c =>
            {
                var lists = c.Lists();
                var depth = c.GetArgument<int>("depth");
                if (depth < 0 || depth > lists.MaxNeighborhoodDepth)
                {
                    throw new ExecutionError($"Argument 'depth' must be between 0 and {lists.MaxNeighborhoodDepth}, got {depth}.");
                }

                return await c.Careers().NeighborhoodAsync(c.GetArgument<string>("id"), depth, c.GetArgument<PartialDate?>("asOf"), lists.MaxNeighborhoodNodes, c.CancellationToken);
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConflictType>>>>("conflicts")
            .Description("Facts whose sources disagree, with each value and who gives it: disputed dates (field start or end; a field settled by resolveConflict is left out), then founder contradictions (field founder: a FOUNDED claim against a JOINED dated wholly after the founding with no departure in between; both edges stay as they are).")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 50)
            .Argument<IntGraphType>("offset")
            .ResolveAsync(async c =>
            {
                var first = c.Lists().PageSize(c.GetArgument<int?>("first"));
                var offset = ListOptions.Offset(c.GetArgument<int?>("offset"));
                var store = c.RequestServices!.GetRequiredService<IGraphStore>();
                var edges = await store.GetConflictedEdgesAsync(first, offset, c.CancellationToken);
                var resolutions = await store.GetResolutionsAsync(edges.Select(e => e.Id).ToList(), c.CancellationToken);
                var conflicts = edges.SelectMany(e => Conflicts.Of(e, resolutions[e.Id].Select(r => r.Field).ToList())).ToList();
                if (edges.Count < first)
                {
                    // The disputed dates are exhausted: founder contradictions follow them, in id order.
                    var founders = await FounderConflicts.FindAsync(store, c.RequestServices!.GetRequiredService<IAnalyticsReader>(), c.CancellationToken);
                    var dated = edges.Count > 0 ? offset + edges.Count : (await store.GetBreakdownAsync(c.CancellationToken)).ConflictedEdges;
                    conflicts.AddRange(founders.Skip((int)Math.Max(0, offset - dated)).Take(first - edges.Count));
                }

                return conflicts;
            });

        Field<ImportJobType>("importJob")
            .Description("An ingestion job by id: state and counts.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<Storage.Jobs.IJobQueue>().GetAsync(c.GetArgument<string>("id"), c.CancellationToken));

        Field<NonNullGraphType<StatsType>>("stats")
            .Description("Counts of the graph (by kind and relation) and of the job queue (by state).")
            .ResolveAsync(async c =>
            {
                var store = c.RequestServices!.GetRequiredService<IGraphStore>();
                var jobs = c.RequestServices!.GetRequiredService<Storage.Jobs.IJobQueue>();
                var founders = await FounderConflicts.FindAsync(store, c.RequestServices!.GetRequiredService<IAnalyticsReader>(), c.CancellationToken);
                return new StatsView(await store.GetStatsAsync(c.CancellationToken), await store.GetBreakdownAsync(c.CancellationToken), await jobs.CountByStateAsync(c.CancellationToken), founders.Count);
            });

        Analytics.AnalyticsFields.Register(this);
    }

    private void Lookup<TType>(string field, NodeKind kind, string nameArgument, string description)
        where TType : IGraphType =>
        Field<TType>(field)
            .Description(description)
            .Argument<IdGraphType>("id")
            .Argument<StringGraphType>(nameArgument)
            .ResolveAsync(async c => await c.Careers().FindAsync(kind, c.GetArgument<string?>("id"), c.GetArgument<string?>(nameArgument), c.CancellationToken));
}
