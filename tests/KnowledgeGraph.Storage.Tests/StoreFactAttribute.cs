using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace KnowledgeGraph.Storage.Tests;

/// <summary>
/// A contract test (<see cref="GraphStoreContract"/>): a fact, skipped with a reason when the test class says its
/// store is not reachable here (<see cref="RequiresEnvironmentAttribute"/>).
/// </summary>
[XunitTestCaseDiscoverer("KnowledgeGraph.Storage.Tests.StoreFactDiscoverer", "KnowledgeGraph.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class StoreFactAttribute : FactAttribute
{
}

/// <summary>A contract theory, skipped as a whole like <see cref="StoreFactAttribute"/> when the store is not reachable.</summary>
[XunitTestCaseDiscoverer("KnowledgeGraph.Storage.Tests.StoreTheoryDiscoverer", "KnowledgeGraph.Storage.Tests")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class StoreTheoryAttribute : TheoryAttribute
{
}

/// <summary>On a contract test class: its store needs these environment variables; without them its tests are skipped, never passed.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = true)]
public sealed class RequiresEnvironmentAttribute(string store, params string[] variables) : Attribute
{
    public string Store { get; } = store;

    public IReadOnlyList<string> Variables { get; } = variables;

    /// <summary>Why the tests are skipped, or null when every variable is set.</summary>
    public string? SkipReason() =>
        Variables.All(v => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(v)))
            ? null
            : $"set {string.Join(", ", Variables)} to run against {Store}";

    internal static string? SkipReasonFor(ITestMethod testMethod) =>
        testMethod.TestClass.Class.ToRuntimeType()?.GetCustomAttribute<RequiresEnvironmentAttribute>()?.SkipReason();
}

/// <summary>Finds <see cref="StoreFactAttribute"/> tests; a skipped one is reported with the reason at discovery.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly FactDiscoverer _facts = new(diagnosticMessageSink);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        RequiresEnvironmentAttribute.SkipReasonFor(testMethod) is { } reason
            ? [new XunitSkippedDataRowTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : _facts.Discover(discoveryOptions, testMethod, factAttribute);
}

/// <summary>Finds <see cref="StoreTheoryAttribute"/> tests; a skipped theory is one skipped test with the reason.</summary>
public sealed class StoreTheoryDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private readonly TheoryDiscoverer _theories = new(diagnosticMessageSink);

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        RequiresEnvironmentAttribute.SkipReasonFor(testMethod) is { } reason
            ? [new XunitSkippedDataRowTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason)]
            : _theories.Discover(discoveryOptions, testMethod, factAttribute);
}
