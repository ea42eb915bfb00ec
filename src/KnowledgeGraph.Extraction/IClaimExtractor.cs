using KnowledgeGraph.Core.Claims;

namespace KnowledgeGraph.Extraction;

/// <summary>Turns one document into the claims it states, each with its evidence.</summary>
public interface IClaimExtractor
{
    Task<IReadOnlyList<Claim>> ExtractAsync(Document document, CancellationToken cancellationToken = default);
}
