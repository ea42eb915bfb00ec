using KnowledgeGraph.Core.Dates;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Core.Claims;

/// <summary>
/// One statement a document makes, e.g. (Jerry Tworek: Person) JOINED (OpenAI: Organization) on 2019,
/// with the evidence that says so. Events keep their date in <see cref="Start"/>.
/// </summary>
public sealed record Claim(Mention Subject, Relation Relation, Mention Object, Evidence Evidence)
{
    public PartialDate? Start { get; init; }

    public PartialDate? End { get; init; }

    public string? Role { get; init; }

    public double Confidence { get; init; } = 0.9;
}
