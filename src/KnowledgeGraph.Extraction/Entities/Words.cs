namespace KnowledgeGraph.Extraction.Entities;

/// <summary>Closed word lists the recognizers rely on: what cannot be part of a person's name, what ends an organization's.</summary>
internal static class Words
{
    /// <summary>Words that end or make up organization names ("Helix AI", "University of X", "Northwind Labs").</summary>
    public static readonly HashSet<string> OrganizationHeads = new(StringComparer.Ordinal)
    {
        "University", "Institute", "College", "Labs", "Lab", "Laboratory", "Laboratories", "Research", "AI", "Robotics",
        "Technologies", "Systems", "Inc.", "Inc", "Corp.", "Corporation", "Ltd.", "Ltd", "LLC", "Networks", "Foundation",
        "Academy", "Polytechnic", "Dynamics", "Intelligence", "Ventures", "School", "Universität", "Université", "GmbH",
        "Capital", "Partners", "Group", "Holdings", "Solutions", "Aerospace", "Centre", "Center", "Investments",
    };

    /// <summary>
    /// Capitalized abbreviations that name a field, a family or a job, not one entity: "AI systems", "scaling GPT
    /// models", "the CEO". "GPT-4" and "GPT-2" are names; a bare "GPT" is not.
    /// </summary>
    public static readonly HashSet<string> GenericAbbreviations = new(StringComparer.Ordinal)
    {
        "AI", "AGI", "ASI", "ML", "NLP", "LLM", "LLMs", "GPT", "GPTs", "RL", "RLHF", "API", "APIs", "GPU", "GPUs", "TPU",
        "TPUs", "CEO", "CTO", "COO", "CFO", "CSO", "VP", "SVP", "EVP", "PhD", "MS", "BA", "BS", "MA", "CV", "AR", "VR",
    };

    /// <summary>Head words of job titles ("Research Lead", "VP of Research", "member of technical staff").</summary>
    public static readonly HashSet<string> TitleHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "researcher", "scientist", "engineer", "lead", "leader", "head", "director", "vp", "svp", "evp", "president",
        "professor", "lecturer", "fellow", "member", "intern", "officer", "ceo", "cto", "coo", "cfo", "cso", "executive",
        "manager", "advisor", "adviser", "postdoc", "student", "analyst", "developer", "investigator", "resident",
        "chair", "chairman", "chairwoman", "partner", "staff", "chief", "programmer", "candidate",
    };

    /// <summary>Words that head a degree ("PhD", "master's degree").</summary>
    public static readonly HashSet<string> DegreeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "PhD", "Ph.D.", "Ph.D", "DPhil", "doctorate", "BSc", "MSc", "B.S.", "M.S.", "B.A.", "M.A.", "BA", "MA", "MBA",
        "MEng", "BEng", "Master", "Masters", "Bachelor", "Bachelors", "B.Sc.", "M.Sc.",
    };

    /// <summary>Capitalized words that are not names: sentence openers, titles, fields, months.</summary>
    public static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "this", "that", "these", "those", "in", "on", "at", "of", "for", "from", "to", "by", "with",
        "and", "but", "or", "nor", "if", "as", "so", "yet", "since", "after", "before", "during", "until", "while",
        "when", "where", "why", "how", "what", "which", "who", "whom", "whose", "he", "she", "they", "we", "i", "you",
        "it", "its", "his", "her", "their", "our", "my", "your", "him", "them", "us", "me", "is", "are", "was", "were",
        "be", "been", "has", "have", "had", "do", "does", "did", "will", "would", "could", "should", "can", "may",
        "might", "must", "shall", "not", "no", "yes", "also", "then", "later", "earlier", "now", "today", "yesterday",
        "recently", "previously", "currently", "formerly", "meanwhile", "however", "moreover", "furthermore",
        "although", "though", "because", "among", "according", "under", "outside", "inside", "other", "others",
        "some", "many", "most", "much", "both", "each", "every", "all", "any", "few", "several", "one", "two", "three",
        "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second", "third", "last", "next", "new",
        "former", "current", "early", "late", "mid", "dear", "hi", "hello", "thanks", "thank", "neither", "either",
        "reports", "report", "rumours", "rumors", "sources", "source", "here", "there", "just", "only", "even", "still",
        "about", "above", "below", "between", "into", "through", "over", "again", "once", "ever", "never", "always",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november",
        "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "spring", "summer",
        "fall", "autumn", "winter", "education", "experience", "career", "work", "selected", "publications", "awards",
        "recognition", "biography", "background", "personal", "life", "research", "learning", "machine", "deep",
        "science", "sciences", "computer", "computing", "mathematics", "math", "physics", "engineering", "statistics",
        "intelligence", "artificial", "vision", "language", "languages", "processing", "natural", "reinforcement",
        "robotics", "data", "technical", "technology", "senior", "junior", "principal", "distinguished", "visiting",
        "associate", "assistant", "vice", "general", "group", "team", "project", "model", "models", "paper",
        "workshop", "conference", "award", "prize", "board", "department", "school", "faculty", "lab", "labs",
        "inc", "inc.", "ltd", "corp", "university", "institute", "college", "welcome", "welcoming", "announcing",
        "introducing", "meet", "update", "news", "breaking", "exclusive", "opinion", "interview", "note", "editor",
        "reference", "link", "originally", "curious", "will", "could", "would", "should", "did", "does", "nobody",
        "everyone", "someone", "anyone", "people", "staff", "members", "member", "alignment", "perception", "safety",
        "policy", "product", "products", "infrastructure", "inference", "training", "pretraining", "post-training",
        "french", "german", "british", "english", "american", "canadian", "chinese", "japanese", "korean", "indian",
        "polish", "romanian", "brazilian", "swiss", "dutch", "swedish", "italian", "spanish", "israeli", "european",
        "russian", "australian", "irish", "danish", "finnish", "norwegian", "portuguese", "mexican", "nigerian",
    };

    /// <summary>Function words and openers that may be capitalized at a sentence start but never begin a name.</summary>
    public static readonly HashSet<string> Openers = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "this", "that", "these", "those", "in", "on", "at", "of", "for", "from", "to", "by", "with",
        "and", "but", "or", "nor", "if", "as", "so", "yet", "since", "after", "before", "during", "until", "while",
        "when", "where", "why", "how", "what", "which", "who", "he", "she", "they", "we", "i", "you", "it", "its",
        "his", "her", "their", "our", "my", "your", "is", "are", "was", "were", "has", "have", "had", "do", "does",
        "did", "will", "would", "could", "should", "can", "may", "might", "must", "not", "no", "also", "then", "later",
        "earlier", "now", "today", "yesterday", "recently", "previously", "currently", "formerly", "meanwhile",
        "however", "among", "according", "under", "outside", "other", "some", "many", "most", "both", "each", "every",
        "all", "two", "three", "four", "five", "last", "next", "new", "former", "early", "late", "dear", "hi",
        "thanks", "thank", "neither", "either", "reports", "rumours", "rumors", "here", "there", "just", "only",
        "even", "still", "about", "between", "into", "through", "over", "once", "never", "nobody", "welcoming",
        "welcome", "announcing", "introducing", "meet", "breaking", "exclusive", "january", "february", "march",
        "april", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "spring", "summer", "fall", "autumn", "winter",
    };

    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OpenersLookup = Openers.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Places that look like names ("San Francisco") and are neither people nor employers.</summary>
    public static readonly HashSet<string> Places = new(StringComparer.Ordinal)
    {
        "San", "Francisco", "York", "London", "Paris", "Berlin", "Beijing", "Shanghai", "Shenzhen", "Tokyo", "Seoul",
        "Toronto", "Montreal", "Zurich", "Amsterdam", "Warsaw", "Boston", "Seattle", "Austin", "Singapore", "Bangalore",
        "Dublin", "Munich", "Madrid", "Lisbon", "Oxford", "Cambridge", "Palo", "Alto", "Mountain", "View", "Silicon",
        "Valley", "Bay", "Area", "China", "India", "Japan", "Korea", "France", "Germany", "Poland", "Canada", "Europe",
        "America", "Asia", "Africa", "California", "Texas", "Washington", "Israel", "Sweden", "Spain", "Italy", "Brazil",
    };

    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> PlacesLookup = Places.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Particles inside personal names ("Henrique Ponde de Oliveira Pinto").</summary>
    public static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "de", "van", "von", "da", "di", "del", "der", "den", "le", "la", "bin", "al", "dos", "das", "du", "ter",
    };

    /// <summary>Titles before a name: "Dr. Anil Mehta".</summary>
    public static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal)
    {
        "Dr.", "Dr", "Prof.", "Prof", "Professor", "Mr.", "Mr", "Ms.", "Ms", "Mrs.", "Mrs", "Sir", "Dame",
    };

    public static readonly HashSet<string> OrganizationConnectors = new(StringComparer.Ordinal) { "of", "and", "&", "for" };

    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> HonorificsLookup = Honorifics.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NameParticlesLookup = NameParticles.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OrganizationConnectorsLookup = OrganizationConnectors.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNamesLookup = NotNames.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleHeadsLookup = TitleHeads.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OrganizationHeadsLookup = OrganizationHeads.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> GenericAbbreviationsLookup = GenericAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DegreeWordsLookup = DegreeWords.GetAlternateLookup<ReadOnlySpan<char>>();
}
