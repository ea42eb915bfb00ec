using GraphQL.Validation;
using GraphQLParser.AST;

namespace KnowledgeGraph.Api.Security;

/// <summary>Refuses a document with more aliased fields than Limits:MaxAliases, so one request cannot repeat a field thousands of times.</summary>
public sealed class MaxAliasesRule(int maxAliases) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var count = 0;
        return new(new NodeVisitors(
            new MatchingNodeVisitor<GraphQLField>((field, _) => count += field.Alias is null ? 0 : 1),
            new MatchingNodeVisitor<GraphQLDocument>(leave: (document, ctx) =>
            {
                if (count > maxAliases)
                {
                    ctx.ReportError(new ValidationError(ctx.Document.Source, "LIMIT-ALIASES", $"The document has {count} aliases, above the maximum of {maxAliases} (Limits:MaxAliases).", document));
                }
            })));
    }
}
