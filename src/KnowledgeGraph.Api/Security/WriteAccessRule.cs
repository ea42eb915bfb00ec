using GraphQL.Validation;
using GraphQLParser.AST;

namespace KnowledgeGraph.Api.Security;

/// <summary>Refuses a mutation when the caller may not write, before anything runs; the endpoint answers with the decision's status.</summary>
public sealed class WriteAccessRule(AccessDecision decision) : ValidationRuleBase
{
    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLOperationDefinition>((operation, ctx) =>
        {
            if (operation.Operation == OperationType.Mutation && (ctx.Operation is null || ReferenceEquals(ctx.Operation, operation)))
            {
                ctx.ReportError(new Error(ctx, operation, decision));
            }
        }));

    /// <summary>The error a refused mutation gets, carrying the HTTP status to answer with.</summary>
    public sealed class Error(ValidationContext context, GraphQLOperationDefinition node, AccessDecision decision)
        : ValidationError(context.Document.Source, decision.Status == StatusCodes.Status401Unauthorized ? "UNAUTHENTICATED" : "FORBIDDEN", $"Mutations need write access: {decision.Message}.", node)
    {
        public int Status { get; } = decision.Status;
    }
}
