using KnowledgeGraph.Api.Endpoints;
using KnowledgeGraph.Api.Hosting;
using KnowledgeGraph.Api.Security;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

builder.Services.AddKnowledgeGraph(builder.Configuration);

var app = builder.Build();
if (KnowledgeGraph.Api.GraphQL.SchemaExport.TryRun(args, app.Services))
{
    return;
}

app.Use(async (context, next) =>
{
    // GraphiQL lives at /graphql/ui/ (its relative asset links need the slash).
    if (context.Request.Path.Value == "/graphql/ui")
    {
        context.Response.Redirect("/graphql/ui/" + context.Request.QueryString);
        return;
    }

    await next(context);
});
app.UseKnowledgeGraphSecurity();
app.UseMiddleware<StoreFaultResponses>();
app.UseDefaultFiles();
app.UseStaticFiles();
app.MapHealthEndpoints();
app.MapGraphQLEndpoint();
app.MapDocumentEndpoints();
app.MapImportEndpoints();
app.Run();

/// <summary>The host's entry point, visible to the test host.</summary>
public partial class Program;
