using KnowledgeGraph.Extraction.Llm;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Extraction.Tests;

[Trait("Category", "Unit")]
public class LlmClaimExtractorTests
{
    private const string Text = "Ada Brook joined Vela Labs in 2021 as a research scientist.";

    private static readonly TimeSpan Now = TimeSpan.Zero;

    private static string ClaimsJson(string quote, string subject = "Ada Brook", string obj = "Vela Labs", string start = "\"2021\"") =>
        $$"""{"claims":[{"subject":{"name":"{{subject}}","type":"Person"},"relation":"JOINED","object":{"name":"{{obj}}","type":"Organization"},"start":{{start}},"end":null,"role":null,"quote":"{{quote}}"}]}""";

    private static LlmClaimExtractor Extractor(ScriptedChatServer server, int timeoutSeconds = 30, string? apiKey = "secret-key") =>
        new(new HttpClient(), Options.Create(new LlmExtractorOptions
        {
            Url = server.Url,
            Model = "test-model",
            ApiKey = apiKey,
            TimeoutSeconds = timeoutSeconds,
            MaxAttempts = 3,
            RetryDelayMilliseconds = 1,
        }));

    [Fact]
    public async Task A_valid_answer_becomes_claims_with_offsets_of_the_quote()
    {
        await using var server = new ScriptedChatServer((200, ScriptedChatServer.Completion(ClaimsJson("Ada Brook joined Vela Labs in 2021")), Now));
        var claim = Assert.Single(await Extractor(server).ExtractAsync(Document.FromText(Text)));

        Assert.Equal("Ada Brook JOINED Vela Labs 2021..", Extract.Line(claim));
        Assert.Equal(0, claim.Evidence.Start);
        Assert.Equal("Ada Brook joined Vela Labs in 2021", Text[claim.Evidence.Start..claim.Evidence.End]);
        var request = Assert.Single(server.Requests);
        Assert.Contains("Authorization: Bearer secret-key", request.Headers, StringComparison.Ordinal);
        Assert.Contains("POST /v1/chat/completions", request.Headers, StringComparison.Ordinal);
        Assert.Contains("\"json_schema\"", request.Body, StringComparison.Ordinal);
        Assert.Contains("\"model\":\"test-model\"", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_whose_quote_is_not_in_the_text_is_dropped()
    {
        await using var server = new ScriptedChatServer((200, ScriptedChatServer.Completion(ClaimsJson("Ada Brook founded Vela Labs")), Now));
        Assert.Empty(await Extractor(server).ExtractAsync(Document.FromText(Text)));
    }

    [Fact]
    public async Task A_claim_naming_someone_the_text_does_not_name_is_dropped()
    {
        await using var server = new ScriptedChatServer((200, ScriptedChatServer.Completion(ClaimsJson("Ada Brook joined Vela Labs in 2021", subject: "Grace Hopper")), Now));
        Assert.Empty(await Extractor(server).ExtractAsync(Document.FromText(Text)));
    }

    [Fact]
    public async Task A_claim_with_a_malformed_date_is_dropped()
    {
        await using var server = new ScriptedChatServer((200, ScriptedChatServer.Completion(ClaimsJson("Ada Brook joined Vela Labs in 2021", start: "\"early 2021\"")), Now));
        Assert.Empty(await Extractor(server).ExtractAsync(Document.FromText(Text)));
    }

    [Fact]
    public async Task Content_that_is_not_json_is_a_clear_error()
    {
        await using var server = new ScriptedChatServer((200, ScriptedChatServer.Completion("Sure! Here are the claims: ..."), Now));
        var error = await Assert.ThrowsAsync<LlmExtractionException>(() => Extractor(server).ExtractAsync(Document.FromText(Text)));
        Assert.Contains("not JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_envelope_that_is_not_a_chat_completion_is_a_clear_error()
    {
        await using var server = new ScriptedChatServer((200, "{\"error\":\"nope\"}", Now));
        var error = await Assert.ThrowsAsync<LlmExtractionException>(() => Extractor(server).ExtractAsync(Document.FromText(Text)));
        Assert.Contains("choices[0].message.content", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limits_and_server_errors_are_retried()
    {
        await using var server = new ScriptedChatServer(
            (429, "{}", Now),
            (500, "{}", Now),
            (200, ScriptedChatServer.Completion(ClaimsJson("Ada Brook joined Vela Labs in 2021")), Now));
        Assert.Single(await Extractor(server).ExtractAsync(Document.FromText(Text)));
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Retries_stop_after_the_last_attempt_and_the_error_does_not_show_the_key()
    {
        await using var server = new ScriptedChatServer((503, "{}", Now), (503, "{}", Now), (503, "{}", Now), (200, "{}", Now));
        var error = await Assert.ThrowsAsync<LlmExtractionException>(() => Extractor(server).ExtractAsync(Document.FromText(Text)));
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
        Assert.Contains("3 attempt", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-key", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_slow_endpoint_times_out_with_a_clear_error()
    {
        await using var server = new ScriptedChatServer((200, ScriptedChatServer.Completion(ClaimsJson("Ada Brook joined Vela Labs in 2021")), TimeSpan.FromSeconds(10)));
        var error = await Assert.ThrowsAsync<LlmExtractionException>(() => Extractor(server, timeoutSeconds: 1).ExtractAsync(Document.FromText(Text)));
        Assert.Contains("TimeoutSeconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_llm_extractor_is_registered_only_when_a_url_is_configured()
    {
        var builtIn = new ServiceCollection().AddSingleton<IClaimExtractor>(new BuiltInExtractor());
        builtIn.AddLlmExtraction(new ConfigurationBuilder().Build());
        Assert.IsType<BuiltInExtractor>(builtIn.BuildServiceProvider().GetRequiredService<IClaimExtractor>());

        var llm = new ServiceCollection().AddSingleton<IClaimExtractor>(new BuiltInExtractor());
        llm.AddLlmExtraction(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Extraction:Llm:Url"] = "http://127.0.0.1:1/v1",
            ["Extraction:Llm:Model"] = "m",
        }).Build());
        Assert.IsType<LlmClaimExtractor>(llm.BuildServiceProvider().GetRequiredService<IClaimExtractor>());
    }
}
