using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using KnowledgeGraph.Core.Claims;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Extraction.Llm;

/// <summary>
/// Claims from an OpenAI-compatible chat completions endpoint answering in the claim JSON schema, validated like the
/// built-in extractor's (<see cref="LlmClaimValidator"/>). Retries 429 and 5xx answers; each attempt has a timeout.
/// </summary>
public sealed class LlmClaimExtractor(HttpClient http, IOptions<LlmExtractorOptions> options) : IClaimExtractor
{
    private readonly LlmExtractorOptions _options = options.Value;

    public async Task<IReadOnlyList<Claim>> ExtractAsync(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var url = Endpoint();
        var body = Request(document).ToJsonString();
        var delay = TimeSpan.FromMilliseconds(Math.Max(0, _options.RetryDelayMilliseconds));
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            if (!string.IsNullOrEmpty(_options.ApiKey))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, _options.TimeoutSeconds)));
            HttpResponseMessage response;
            string answer;
            try
            {
                response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
                answer = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new LlmExtractionException($"{url}: no answer within Extraction:Llm:TimeoutSeconds ({_options.TimeoutSeconds} s)", ex);
            }
            catch (HttpRequestException ex)
            {
                throw new LlmExtractionException($"{url}: {ex.Message}", ex);
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if ((response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500) && attempt < Math.Max(1, _options.MaxAttempts))
                {
                    var retryAfter = response.Headers.RetryAfter?.Delta;
                    await Task.Delay(retryAfter is { } r ? TimeSpan.FromSeconds(Math.Min(30, r.TotalSeconds)) : delay, cancellationToken).ConfigureAwait(false);
                    delay *= 2;
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw new LlmExtractionException($"{url}: answered {status} {response.ReasonPhrase} after {attempt} attempt(s)");
                }

                return LlmClaimValidator.Validate(document, Content(url, answer));
            }
        }
    }

    private Uri Endpoint()
    {
        if (string.IsNullOrWhiteSpace(_options.Url) || !Uri.TryCreate(_options.Url.TrimEnd('/') + "/chat/completions", UriKind.Absolute, out var url))
        {
            throw new LlmExtractionException($"Extraction:Llm:Url must be an absolute URL like http://localhost:11434/v1, got '{_options.Url}'");
        }

        return url;
    }

    private JsonObject Request(Document document) => new()
    {
        ["model"] = _options.Model,
        ["temperature"] = 0,
        ["messages"] = new JsonArray(
            new JsonObject { ["role"] = "system", ["content"] = LlmClaimSchema.Instructions },
            new JsonObject { ["role"] = "user", ["content"] = document.Text }),
        ["response_format"] = new JsonObject
        {
            ["type"] = "json_schema",
            ["json_schema"] = new JsonObject { ["name"] = "claims", ["strict"] = true, ["schema"] = LlmClaimSchema.Schema() },
        },
    };

    // The chat completion envelope: choices[0].message.content holds the model's JSON as a string.
    private static string Content(Uri url, string answer)
    {
        try
        {
            var content = JsonNode.Parse(answer)?["choices"]?[0]?["message"]?["content"]?.GetValue<string>();
            return content ?? throw new LlmExtractionException($"{url}: the answer has no choices[0].message.content");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new LlmExtractionException($"{url}: the answer is not a chat completion: {ex.Message}", ex);
        }
    }
}
