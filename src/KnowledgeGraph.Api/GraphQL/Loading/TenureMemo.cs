using System.Runtime.CompilerServices;
using KnowledgeGraph.Core.Careers;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Api.GraphQL.Loading;

/// <summary>
/// Tenures built from a person's edge list, kept for as long as that list object lives. The embedded store's read
/// cache hands out the same list while the file is unchanged, so repeated requests skip the career rules; a new list
/// (after any commit) is built afresh, and dropped lists take their tenures with them.
/// </summary>
public sealed class TenureMemo
{
    private readonly ConditionalWeakTable<IReadOnlyList<GraphEdge>, IReadOnlyList<Tenure>> _built = [];

    public IReadOnlyList<Tenure> Build(IReadOnlyList<GraphEdge> personEdges) => _built.GetValue(personEdges, TenureBuilder.Build);
}
