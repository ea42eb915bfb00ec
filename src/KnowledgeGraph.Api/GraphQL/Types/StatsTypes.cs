using GraphQL.Types;
using KnowledgeGraph.Core.Graph;
using KnowledgeGraph.Storage;
using KnowledgeGraph.Storage.Jobs;

namespace KnowledgeGraph.Api.GraphQL.Types;

/// <summary>What the graph and the job queue hold, for dashboards and for checking imports.</summary>
public sealed record StatsView(GraphStats Stats, GraphBreakdown Breakdown, IReadOnlyDictionary<JobState, int> Jobs, int FounderConflicts = 0);

/// <summary>Graph and queue counts.</summary>
public sealed class StatsType : ObjectGraphType<StatsView>
{
    public StatsType()
    {
        Name = "Stats";
        Field<NonNullGraphType<IntGraphType>>("nodes").Resolve(c => checked((int)c.Source.Stats.Nodes));
        Field<NonNullGraphType<IntGraphType>>("edges").Resolve(c => checked((int)c.Source.Stats.Edges));
        Field<NonNullGraphType<IntGraphType>>("sources").Resolve(c => checked((int)c.Source.Stats.Sources));
        Field<NonNullGraphType<IntGraphType>>("conflicts").Description("Edges whose sources disagree, plus founder contradictions: what the conflicts query lists.").Resolve(c => checked((int)c.Source.Breakdown.ConflictedEdges + c.Source.FounderConflicts));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KindCountType>>>>("nodesByKind")
            .Resolve(c => c.Source.Breakdown.NodesByKind.OrderBy(p => p.Key).Select(p => new CountView(p.Key.ToString(), p.Value)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelationCountType>>>>("edgesByRelation")
            .Resolve(c => c.Source.Breakdown.EdgesByRelation.OrderBy(p => p.Key).Select(p => new CountView(p.Key.ToWire(), p.Value)).ToList());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StateCountType>>>>("jobsByState")
            .Resolve(c => c.Source.Jobs.OrderBy(p => p.Key).Select(p => new CountView(p.Key.ToString().ToLowerInvariant(), p.Value)).ToList());
    }
}

/// <summary>A label and how many.</summary>
public sealed record CountView(string Label, long Count);

/// <summary>A count labelled by one field: "kind", "relation" or "state".</summary>
public abstract class CountType : ObjectGraphType<CountView>
{
    protected CountType(string name, string labelField)
    {
        Name = name;
        Field<NonNullGraphType<StringGraphType>>(labelField).Resolve(c => c.Source.Label);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(c => checked((int)c.Source.Count));
    }
}

/// <summary>Nodes of one kind.</summary>
public sealed class KindCountType() : CountType("KindCount", "kind");

/// <summary>Edges of one relation.</summary>
public sealed class RelationCountType() : CountType("RelationCount", "relation");

/// <summary>Jobs in one state.</summary>
public sealed class StateCountType() : CountType("StateCount", "state");
