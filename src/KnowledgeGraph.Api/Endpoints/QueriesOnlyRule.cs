using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace KnowledgeGraph.Api.Endpoints;

/// <summary>Refuses mutations sent with GET: a GET must not change anything.</summary>
public sealed class QueriesOnlyRule : ValidationRuleBase
{
    public static readonly QueriesOnlyRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) =>
        new(new MatchingNodeVisitor<GraphQLOperationDefinition>((operation, ctx) =>
        {
            if (operation.Operation != OperationType.Query && (ctx.Operation is null || ReferenceEquals(ctx.Operation, operation)))
            {
                ctx.ReportError(new Error(ctx, operation));
            }
        }));

    /// <summary>The error a GET mutation gets.</summary>
    public sealed class Error(ValidationContext context, GraphQLOperationDefinition node)
        : ValidationError(context.Document.Source, "5.0-GET", $"A {node.Operation.ToString().ToLowerInvariant()} cannot be sent with GET; use POST.", node);
}
