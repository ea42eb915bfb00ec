using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace KnowledgeGraph.Extraction.Llm;

/// <summary>Registers the LLM extractor as the <see cref="IClaimExtractor"/> when Extraction:Llm:Url is set; otherwise changes nothing.</summary>
public static class LlmExtractionServiceCollectionExtensions
{
    public static IServiceCollection AddLlmExtraction(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(LlmExtractorOptions.Section);
        if (string.IsNullOrWhiteSpace(section["Url"]))
        {
            return services;
        }

        services.Configure<LlmExtractorOptions>(section);
        services.Replace(ServiceDescriptor.Singleton<IClaimExtractor>(sp =>
            new LlmClaimExtractor(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, sp.GetRequiredService<IOptions<LlmExtractorOptions>>())));
        return services;
    }
}
