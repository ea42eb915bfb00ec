using KnowledgeGraph.Core.Claims;
using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Extraction.Evaluation;

/// <summary>
/// What the evaluation compares: subject, relation, object (name and type) and the start and end dates.
/// Names compare case-insensitively; role, confidence and evidence are not compared.
/// </summary>
public sealed record ClaimKey(string Subject, Relation Relation, string Object, NodeKind ObjectKind, string? Start, string? End)
{
    public static ClaimKey Of(Claim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return new ClaimKey(
            Normalize(claim.Subject.Name), claim.Relation, Normalize(claim.Object.Name), claim.Object.Kind,
            claim.Start?.ToString(), claim.End?.ToString());
    }

    private static string Normalize(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    public override string ToString() =>
        $"({Subject}) {Relation.ToWire()} ({Object}: {ObjectKind}) start={Start ?? "-"} end={End ?? "-"}";
}
