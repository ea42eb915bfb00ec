namespace KnowledgeGraph.Api.Security.TrustedDocuments;

/// <summary>The known operations dashboards send by id (configuration section "TrustedDocuments").</summary>
public sealed class TrustedDocumentOptions
{
    public const string Section = "TrustedDocuments";

    /// <summary>Folder of *.graphql files; defaults to the copy of graph-schema/trusted-documents shipped beside the program.</summary>
    public string? Path { get; set; }

    /// <summary>When true, only operations sent by a trusted document id run; any query text is refused.</summary>
    public bool Only { get; set; }

    public string ResolvedPath => Path ?? System.IO.Path.Combine(AppContext.BaseDirectory, "trusted-documents");
}

/// <summary>Refuses to start when the trusted documents cannot be read, naming the file and line at fault.</summary>
public sealed class TrustedDocumentOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<TrustedDocumentOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, TrustedDocumentOptions options)
    {
        try
        {
            TrustedDocumentSet.Load(options);
            return Microsoft.Extensions.Options.ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return Microsoft.Extensions.Options.ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
