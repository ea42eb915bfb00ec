using KnowledgeGraph.Core.Graph;

namespace KnowledgeGraph.Extraction.Entities;

/// <summary>The entities the extractor knows without a graph: well-known labs, companies, universities and models.</summary>
internal static class BuiltInEntities
{
    public static IReadOnlyList<GazetteerEntry> All { get; } = [.. Labs(), .. Companies(), .. Universities(), .. Models()];

    private static GazetteerEntry Org(OrganizationKind kind, string name, params string[] aliases) =>
        new(name, NodeKind.Organization, aliases) { OrganizationKind = kind };

    private static GazetteerEntry Model(string name, params string[] aliases) => new(name, NodeKind.Model, aliases);

    private static IEnumerable<GazetteerEntry> Labs() =>
    [
        Org(OrganizationKind.Lab, "OpenAI", "Open AI"),
        Org(OrganizationKind.Lab, "Anthropic"),
        Org(OrganizationKind.Lab, "Google DeepMind", "DeepMind"),
        Org(OrganizationKind.Team, "Google Brain"),
        Org(OrganizationKind.Lab, "Google Research"),
        Org(OrganizationKind.Lab, "Microsoft Research", "MSR"),
        Org(OrganizationKind.Lab, "Facebook AI Research", "FAIR", "Meta AI Research"),
        Org(OrganizationKind.Lab, "Meta AI"),
        Org(OrganizationKind.Lab, "Meta Superintelligence Labs", "MSL", "Meta Superintelligence Lab"),
        Org(OrganizationKind.Lab, "xAI"),
        Org(OrganizationKind.Lab, "Mistral AI"),
        Org(OrganizationKind.Lab, "Cohere"),
        Org(OrganizationKind.Lab, "Safe Superintelligence", "SSI"),
        Org(OrganizationKind.Lab, "Thinking Machines Lab"),
        Org(OrganizationKind.Lab, "Allen Institute for AI", "AI2"),
        Org(OrganizationKind.Lab, "Mila"),
        Org(OrganizationKind.Lab, "Moonshot AI"),
        Org(OrganizationKind.Lab, "DeepSeek"),
        Org(OrganizationKind.Lab, "Zhipu AI"),
        Org(OrganizationKind.Lab, "Sakana AI"),
        Org(OrganizationKind.Lab, "AI21 Labs"),
        Org(OrganizationKind.Lab, "Inflection AI"),
        Org(OrganizationKind.Lab, "Character.AI"),
        Org(OrganizationKind.Lab, "Adept"),
        Org(OrganizationKind.Lab, "Stability AI"),
        Org(OrganizationKind.Lab, "Hugging Face"),
        Org(OrganizationKind.Lab, "Perplexity"),
        Org(OrganizationKind.Lab, "Scale AI"),
        Org(OrganizationKind.Lab, "IBM Research"),
        Org(OrganizationKind.Lab, "Preferred Networks"),
    ];

    private static IEnumerable<GazetteerEntry> Companies() =>
    [
        Org(OrganizationKind.Company, "Google"),
        Org(OrganizationKind.Company, "Alphabet"),
        Org(OrganizationKind.Company, "Meta", "Meta Platforms", "Facebook"),
        Org(OrganizationKind.Company, "Microsoft"),
        Org(OrganizationKind.Company, "Amazon", "AWS"),
        Org(OrganizationKind.Company, "Apple"),
        Org(OrganizationKind.Company, "Nvidia", "NVIDIA"),
        Org(OrganizationKind.Company, "Tesla"),
        Org(OrganizationKind.Company, "ByteDance"),
        Org(OrganizationKind.Company, "Alibaba"),
        Org(OrganizationKind.Company, "Baidu"),
        Org(OrganizationKind.Company, "Tencent"),
        Org(OrganizationKind.Company, "Samsung"),
        Org(OrganizationKind.Company, "IBM"),
        Org(OrganizationKind.Company, "Intel"),
        Org(OrganizationKind.Company, "Salesforce"),
        Org(OrganizationKind.Company, "Uber"),
        Org(OrganizationKind.Company, "Twitter"),
        Org(OrganizationKind.Company, "Shopify"),
        Org(OrganizationKind.Company, "GitHub"),
        Org(OrganizationKind.Company, "Boston Dynamics"),
        Org(OrganizationKind.Company, "Palantir"),
        Org(OrganizationKind.Company, "Netflix"),
        Org(OrganizationKind.Company, "Spotify"),
    ];

    private static IEnumerable<GazetteerEntry> Universities() =>
    [
        Org(OrganizationKind.University, "Stanford University", "Stanford"),
        Org(OrganizationKind.University, "Massachusetts Institute of Technology", "MIT"),
        Org(OrganizationKind.University, "Harvard University", "Harvard"),
        Org(OrganizationKind.University, "University of California, Berkeley", "UC Berkeley", "Berkeley"),
        Org(OrganizationKind.University, "Carnegie Mellon University", "Carnegie Mellon", "CMU"),
        Org(OrganizationKind.University, "Princeton University", "Princeton"),
        Org(OrganizationKind.University, "California Institute of Technology", "Caltech"),
        Org(OrganizationKind.University, "Columbia University"),
        Org(OrganizationKind.University, "Cornell University"),
        Org(OrganizationKind.University, "New York University", "NYU"),
        Org(OrganizationKind.University, "University of Washington"),
        Org(OrganizationKind.University, "University of Toronto"),
        Org(OrganizationKind.University, "University of Montreal", "Université de Montréal"),
        Org(OrganizationKind.University, "McGill University"),
        Org(OrganizationKind.University, "University of Oxford", "Oxford University"),
        Org(OrganizationKind.University, "University of Cambridge", "Cambridge University"),
        Org(OrganizationKind.University, "University of Edinburgh"),
        Org(OrganizationKind.University, "Imperial College London"),
        Org(OrganizationKind.University, "University College London", "UCL"),
        Org(OrganizationKind.University, "ETH Zurich", "ETH Zürich"),
        Org(OrganizationKind.University, "EPFL"),
        Org(OrganizationKind.University, "Technical University of Munich", "TUM"),
        Org(OrganizationKind.University, "University of Warsaw"),
        Org(OrganizationKind.University, "Tsinghua University", "Tsinghua"),
        Org(OrganizationKind.University, "Peking University"),
        Org(OrganizationKind.University, "University of Tokyo"),
        Org(OrganizationKind.University, "KAIST"),
        Org(OrganizationKind.University, "Seoul National University"),
    ];

    private static IEnumerable<GazetteerEntry> Models() =>
    [
        Model("GPT-2"),
        Model("GPT-3"),
        Model("GPT-3.5"),
        Model("GPT-4"),
        Model("GPT-4o"),
        Model("GPT-4.5"),
        Model("GPT-5"),
        Model("OpenAI o1", "o1"),
        Model("o1-preview"),
        Model("o1-mini"),
        Model("o3"),
        Model("o3-mini"),
        Model("o4-mini"),
        Model("Codex", "OpenAI Codex"),
        Model("ChatGPT"),
        Model("GitHub Copilot", "Copilot"),
        Model("DALL-E", "DALL·E"),
        Model("CLIP"),
        Model("Whisper"),
        Model("Sora"),
        Model("Claude"),
        Model("Gemini"),
        Model("Bard"),
        Model("PaLM"),
        Model("LaMDA"),
        Model("BERT"),
        Model("AlphaGo"),
        Model("AlphaZero"),
        Model("AlphaFold"),
        Model("AlphaCode"),
        Model("AlphaStar"),
        Model("Chinchilla"),
        Model("Gopher"),
        Model("Gato"),
        Model("Llama", "LLaMA"),
        Model("Grok"),
        Model("Mixtral"),
        Model("Qwen"),
        Model("Command R"),
        Model("Stable Diffusion"),
    ];
}
