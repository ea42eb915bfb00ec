namespace KnowledgeGraph.Api.Security;

/// <summary>An endpoint filter that answers 401/403 with a JSON {error} unless the caller may read or write.</summary>
public sealed class RequireAccessFilter(AccessScope scope) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var decision = context.HttpContext.RequestServices.GetRequiredService<ApiKeyGate>().Decide(context.HttpContext, scope);
        return decision.IsAllowed ? await next(context) : Results.Json(new { error = decision.Message }, statusCode: decision.Status);
    }
}

/// <summary>Adds <see cref="RequireAccessFilter"/> to an endpoint.</summary>
public static class RequireAccessExtensions
{
    public static TBuilder RequireAccess<TBuilder>(this TBuilder builder, AccessScope scope)
        where TBuilder : IEndpointConventionBuilder => builder.AddEndpointFilter(new RequireAccessFilter(scope));
}
