using System.Reflection;
using KnowledgeGraph.Api.GraphQL;
using KnowledgeGraph.Api.Hosting;
using KnowledgeGraph.Storage;
using KnowledgeGraph.Storage.Neo4j;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace KnowledgeGraph.Api.Tests;

/// <summary>
/// The deploy files (deploy/: compose, Kubernetes, Dockerfile) parse, and every environment variable they set for our
/// processes is one the service reads: the options classes' keys in environment form, and ASP.NET Core's own.
/// Nothing here runs a container (there is no engine on the build machine).
/// </summary>
[Trait("Category", "Api")]
public sealed class DeployFilesTests
{
    private static readonly string Deploy = Path.Combine(RepositoryRoot(), "deploy");

    /// <summary>Every setting the service and `kg` read, in environment-variable form (Section__Key).</summary>
    public static IReadOnlySet<string> KnownVariables { get; } = new[]
        {
            (DataOptions.Section, typeof(DataOptions)),
            (SeedOptions.Section, typeof(SeedOptions)),
            (ListOptions.Section, typeof(ListOptions)),
            (StoreOptions.Section, typeof(StoreOptions)),
            (Neo4jStoreOptions.Section, typeof(Neo4jStoreOptions)),
        }
        .SelectMany(o => o.Item2.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod?.IsPublic == true)
            .Select(p => o.Item1.Replace(":", "__", StringComparison.Ordinal) + "__" + p.Name))
        .Concat(["ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "Logging__LogLevel__Default", "Worker__Enabled"])
        .ToHashSet(StringComparer.Ordinal);

    public static TheoryData<string> YamlFiles => new(Directory.GetFiles(Deploy, "*.yaml", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Deploy, f)).Order(StringComparer.Ordinal));

    [Fact]
    public void The_known_variables_include_the_store_settings()
    {
        Assert.Contains("Store__Kind", KnownVariables);
        Assert.Contains("Store__Neo4j__Uri", KnownVariables);
        Assert.Contains("Store__Neo4j__Password", KnownVariables);
        Assert.Contains("Data__Path", KnownVariables);
        Assert.DoesNotContain("Store__Neo4j__BaseAddress", KnownVariables);
    }

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public void Every_yaml_file_parses_and_sets_only_variables_the_service_reads(string file)
    {
        var documents = Parse(Path.Combine(Deploy, file));

        Assert.NotEmpty(documents);
        var variables = documents.SelectMany(VariablesOf).ToList();
        Assert.All(variables, v => Assert.True(KnownVariables.Contains(v), $"{file}: {v} is not a setting the service reads"));
    }

    [Fact]
    public void Compose_runs_neo4j_with_a_volume_and_health_check_the_api_and_two_workers()
    {
        var compose = (Dictionary<object, object>)Parse(Path.Combine(Deploy, "compose.yaml")).Single();
        var services = (Dictionary<object, object>)compose["services"];

        var neo4j = (Dictionary<object, object>)services["neo4j"];
        Assert.StartsWith("neo4j:5", (string)neo4j["image"], StringComparison.Ordinal);
        Assert.True(neo4j.ContainsKey("healthcheck"));
        Assert.Contains("neo4j-data:/data", ((List<object>)neo4j["volumes"]).Cast<string>());
        var workers = services.Where(s => ((string)s.Key).StartsWith("worker", StringComparison.Ordinal)).Select(s => (Dictionary<object, object>)s.Value).ToList();
        Assert.Equal(2, workers.Count);
        Assert.All(workers, w => Assert.Equal(["kg", "worker"], ((List<object>)w["entrypoint"]).Cast<string>()));
        var api = (Dictionary<object, object>)services["api"];
        var environment = (Dictionary<object, object>)api["environment"];
        Assert.Equal("Neo4j", environment["Store__Kind"]);
        Assert.Equal("http://neo4j:7474", environment["Store__Neo4j__Uri"]);
    }

    [Fact]
    public void The_api_deployment_probes_the_health_endpoints_and_the_password_comes_from_a_secret()
    {
        var documents = Directory.GetFiles(Path.Combine(Deploy, "k8s"), "*.yaml").SelectMany(Parse).Cast<Dictionary<object, object>>().ToList();
        var kinds = documents.Select(d => (string)d["kind"]).ToList();

        Assert.Equal(2, kinds.Count(k => k == "Deployment"));
        Assert.Contains("Service", kinds);
        Assert.Contains("ConfigMap", kinds);
        Assert.Contains("Secret", kinds);
        var api = documents.Single(d => (string)d["kind"] == "Deployment" && Name(d) == "knowledge-graph-api");
        var container = Containers(api).Single();
        Assert.Equal("/health/ready", At(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("/health/live", At(container, "livenessProbe", "httpGet", "path"));
        var configMap = documents.Single(d => (string)d["kind"] == "ConfigMap");
        Assert.DoesNotContain("Store__Neo4j__Password", ((Dictionary<object, object>)configMap["data"]).Keys.Cast<string>());
        var secret = documents.Single(d => (string)d["kind"] == "Secret");
        Assert.Contains("Store__Neo4j__Password", ((Dictionary<object, object>)secret["stringData"]).Keys.Cast<string>());
    }

    [Fact]
    public void The_dockerfile_is_multi_stage_runs_as_non_root_and_sets_only_known_variables()
    {
        var lines = File.ReadAllLines(System.IO.Path.Combine(Deploy, "Dockerfile"));

        Assert.True(lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)) >= 2);
        Assert.Contains(lines, l => l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("USER ", StringComparison.Ordinal) && !l.Contains("root", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("KnowledgeGraph.Cli", StringComparison.Ordinal));
        var env = string.Join(' ', lines.SkipWhile(l => !l.StartsWith("ENV ", StringComparison.Ordinal)).TakeWhile(l => l.StartsWith("ENV ", StringComparison.Ordinal) || l.StartsWith("    ", StringComparison.Ordinal)));
        var names = env.Replace("ENV ", " ", StringComparison.Ordinal).Replace("\\", " ", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]).ToList();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Contains(n, KnownVariables));
    }

    private static List<object> Parse(string path)
    {
        using var reader = File.OpenText(path);
        var parser = new MergingParser(new Parser(reader));
        var deserializer = new DeserializerBuilder().Build();
        var documents = new List<object>();
        parser.Consume<StreamStart>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (deserializer.Deserialize(parser) is { } document)
            {
                documents.Add(document);
            }
        }

        return documents;
    }

    /// <summary>The variables a document sets for our processes: compose environments (not Neo4j's own), k8s env, ConfigMap and Secret keys.</summary>
    private static IEnumerable<string> VariablesOf(object document)
    {
        if (document is not Dictionary<object, object> root)
        {
            yield break;
        }

        if (root.TryGetValue("services", out var services))
        {
            foreach (var service in ((Dictionary<object, object>)services).Values.Cast<Dictionary<object, object>>())
            {
                if (service.TryGetValue("image", out var image) && ((string)image).StartsWith("neo4j", StringComparison.Ordinal))
                {
                    continue; // the database's own settings (NEO4J_AUTH, …)
                }

                if (service.TryGetValue("environment", out var environment))
                {
                    foreach (var key in environment is Dictionary<object, object> map ? map.Keys.Cast<string>() : ((List<object>)environment).Cast<string>().Select(e => e.Split('=')[0]))
                    {
                        yield return key;
                    }
                }
            }
        }

        switch (root.TryGetValue("kind", out var kind) ? kind as string : null)
        {
            case "ConfigMap":
                foreach (var key in ((Dictionary<object, object>)root["data"]).Keys.Cast<string>())
                {
                    yield return key;
                }

                break;
            case "Secret":
                foreach (var section in new[] { "data", "stringData" }.Where(root.ContainsKey))
                {
                    foreach (var key in ((Dictionary<object, object>)root[section]).Keys.Cast<string>())
                    {
                        yield return key;
                    }
                }

                break;
            case "Deployment":
                foreach (var container in Containers(root))
                {
                    if (container.TryGetValue("env", out var env))
                    {
                        foreach (var item in ((List<object>)env).Cast<Dictionary<object, object>>())
                        {
                            yield return (string)item["name"];
                        }
                    }
                }

                break;
        }
    }

    private static IEnumerable<Dictionary<object, object>> Containers(Dictionary<object, object> deployment) =>
        ((List<object>)((Dictionary<object, object>)((Dictionary<object, object>)((Dictionary<object, object>)deployment["spec"])["template"])["spec"])["containers"]).Cast<Dictionary<object, object>>();

    private static string Name(Dictionary<object, object> document) => (string)((Dictionary<object, object>)document["metadata"])["name"];

    private static string? At(Dictionary<object, object> map, params string[] keys)
    {
        object current = map;
        foreach (var key in keys)
        {
            if (current is not Dictionary<object, object> m || !m.TryGetValue(key, out var next))
            {
                return null;
            }

            current = next;
        }

        return current as string;
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(System.IO.Path.Combine(folder.FullName, "KnowledgeGraph.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("the repository root (KnowledgeGraph.sln) was not found above the test folder");
    }
}
