using GraphQL;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.GraphQL.Analytics;
using KnowledgeGraph.Api.GraphQL.Loading;
using KnowledgeGraph.Api.Security;
using KnowledgeGraph.Api.Security.TrustedDocuments;
using KnowledgeGraph.Ingestion;
using KnowledgeGraph.Ingestion.Seeding;
using KnowledgeGraph.Storage;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Api.Hosting;

/// <summary>How the service composes itself.</summary>
public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddKnowledgeGraph(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DataOptions>().Bind(configuration.GetSection(DataOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SeedOptions>().Bind(configuration.GetSection(SeedOptions.Section));
        services.AddOptions<ListOptions>().Bind(configuration.GetSection(ListOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.DefaultPageSize <= o.MaxPageSize, "GraphQL:DefaultPageSize must not exceed GraphQL:MaxPageSize").ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddKnowledgeGraphSecurity(configuration);

        services.AddGraphStore(configuration, sp => sp.GetRequiredService<IOptions<DataOptions>>().Value.DatabasePath);
        services.AddSingleton<SeedImporter>();
        services.AddIngestion(configuration, runWorker: IngestionServiceCollectionExtensions.WorkerRunsInHost(configuration));

        services.AddSingleton<Readiness>();
        services.AddHostedService<StartupService>();

        services.AddSingleton<TenureMemo>();
        services.AddScoped<GraphLoaders>();
        services.AddScoped<CareerQueries>();
        services.AddAnalytics();
        services.AddGraphQL(builder => builder
            .AddSchema<KnowledgeGraphSchema>()
            .AddSystemTextJson()
            .AddGraphTypes(typeof(KnowledgeGraphSchema).Assembly)
            .AddErrorInfoProvider(o => o.ExposeExceptionDetails = false)

            // One request's fields run one after another: the loaders still batch each level, and the threads a
            // parallel run would use serve other requests instead (no locks taken between a request's own fields).
            .AddExecutionStrategy<global::GraphQL.Execution.SerialExecutionStrategy>(GraphQLParser.AST.OperationType.Query)
            .ConfigureExecution<TrustedDocumentHandler>()
            .ConfigureExecution<DocumentCache>()
            .AddUnhandledExceptionHandler(context =>
            {
                // The parser stops far below a stack overflow; say which limit that is rather than "Error executing document".
                if (context.OriginalException is GraphQLParser.Exceptions.GraphQLMaxDepthExceededException)
                {
                    var maxDepth = context.ExecutionOptions.RequestServices?.GetService<IOptions<RequestLimits>>()?.Value.MaxDepth;
                    context.ErrorMessage = $"The query nests deeper than the parser allows; the maximum depth is {maxDepth} (Limits:MaxDepth).";
                }
                else if (StoreFault.Describe(context.OriginalException) is { } reason)
                {
                    // The store's own message may hold a file path or a server address: the client gets the reason only.
                    context.ErrorMessage = StoreUnavailableException.MessageFor(reason);
                    context.Exception = new StoreUnavailableException(context.ErrorMessage);
                }
            })
            .AddComplexityAnalyzer((complexity, sp) =>
            {
                var limits = sp.GetRequiredService<IOptions<RequestLimits>>().Value;
                complexity.MaxDepth = limits.MaxDepth;
                complexity.MaxComplexity = limits.MaxComplexity;

                // Introspection (GraphiQL, code generators) reads the schema, not the graph: it costs nothing here,
                // and counting it would refuse GraphiQL's own start-up query.
                var graphImpact = complexity.DefaultComplexityImpactDelegate;
                complexity.DefaultComplexityImpactDelegate = context =>
                    context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal) || context.ParentType.Name.StartsWith("__", StringComparison.Ordinal)
                        ? new global::GraphQL.Validation.Complexity.FieldComplexityResult(0, 1)
                        : graphImpact(context);
            }));
        return services;
    }
}
