namespace KnowledgeGraph.Ingestion.Imports;

/// <summary>Periodic imports and the limits of feed downloads (configuration "Imports").</summary>
public sealed class ImportsOptions
{
    public const string Section = "Imports";

    /// <summary>The imports the worker runs on its own.</summary>
    public List<ImportScheduleOptions> Schedules { get; set; } = [];

    /// <summary>How long a feed download may take, in seconds.</summary>
    public int FeedTimeoutSeconds { get; set; } = 300;

    /// <summary>The largest feed downloaded, in bytes (default 256 MiB).</summary>
    public long MaxFeedBytes { get; set; } = 256L * 1024 * 1024;
}

/// <summary>
/// One periodic import as configured: a name (letters, digits, '-' and '_': it is part of each run's job id), a
/// source (a folder or file on the worker's machine, or an http(s) url of a JSONL or CSV feed), a cron expression
/// (5 fields, or 6 with seconds first) and the time zone the cron is read in (IANA or Windows id; UTC when empty).
/// </summary>
public sealed class ImportScheduleOptions
{
    public string? Name { get; set; }

    public string? Source { get; set; }

    public string? Cron { get; set; }

    public string? TimeZone { get; set; }
}

/// <summary>Checks the schedules at start-up, so a bad cron, source or time zone stops the start with its name and field.</summary>
public sealed class ImportsOptionsValidation : Microsoft.Extensions.Options.IValidateOptions<ImportsOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, ImportsOptions options)
    {
        var problems = ImportSchedule.Check(options, out _);
        return problems.Count == 0 ? Microsoft.Extensions.Options.ValidateOptionsResult.Success : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(problems);
    }
}
