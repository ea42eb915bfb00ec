using System.Globalization;
using System.Text.RegularExpressions;
using Cronos;

namespace KnowledgeGraph.Ingestion.Imports;

/// <summary>
/// A checked periodic import: when it is due and which job each occurrence is. The job id is the schedule name and
/// the occurrence's UTC time ("sched-nightly-20260107T020000Z"), so every worker computes the same id for the same
/// run and the queue creates it once.
/// </summary>
public sealed partial record ImportSchedule(string Name, string Source, Uri? FeedUrl, CronExpression Cron, TimeZoneInfo TimeZone)
{
    /// <summary>The first occurrence strictly after <paramref name="instant"/>; null when the cron never fires again.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset instant) => Cron.GetNextOccurrence(instant, TimeZone);

    /// <summary>The job id of the run due at <paramref name="occurrence"/>.</summary>
    public string JobId(DateTimeOffset occurrence) =>
        $"sched-{Name}-{occurrence.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";

    /// <summary>Checks one configured schedule; the problems name it and the field ("Imports:Schedules:0 (nightly): Cron ...").</summary>
    public static ImportSchedule? Parse(ImportScheduleOptions options, int index, List<string> problems)
    {
        var before = problems.Count;
        var label = $"{ImportsOptions.Section}:Schedules:{index}" + (string.IsNullOrWhiteSpace(options.Name) ? string.Empty : $" ({options.Name})");
        void Problem(string field, string message) => problems.Add($"{label}: {field} {message}");

        if (string.IsNullOrWhiteSpace(options.Name))
        {
            Problem("Name", "is required");
        }
        else if (!NamePattern().IsMatch(options.Name))
        {
            Problem("Name", $"must be letters, digits, '-' or '_' (it is part of each run's job id), got '{options.Name}'");
        }

        var (source, feedUrl) = ParseSource(options.Source, Problem);
        var cron = ParseCron(options.Cron, Problem);
        var zone = TimeZoneInfo.Utc;
        if (!string.IsNullOrWhiteSpace(options.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out zone))
        {
            Problem("TimeZone", $"'{options.TimeZone}' is not a time zone this machine knows (use an IANA id such as Europe/Paris, or leave it empty for UTC)");
        }

        return problems.Count == before ? new ImportSchedule(options.Name!, source!, feedUrl, cron!, zone ?? TimeZoneInfo.Utc) : null;
    }

    /// <summary>Checks every schedule and that names are unique; throws with every problem when any.</summary>
    public static IReadOnlyList<ImportSchedule> ParseAll(ImportsOptions options)
    {
        var problems = Check(options, out var schedules);
        return problems.Count > 0 ? throw new InvalidOperationException(string.Join(Environment.NewLine, problems)) : schedules;
    }

    /// <summary>Every problem of the configured schedules, and the schedules that parsed.</summary>
    public static List<string> Check(ImportsOptions options, out IReadOnlyList<ImportSchedule> schedules)
    {
        var problems = new List<string>();
        var parsed = new List<ImportSchedule>();
        for (var i = 0; i < options.Schedules.Count; i++)
        {
            if (Parse(options.Schedules[i], i, problems) is { } schedule)
            {
                if (parsed.Any(s => string.Equals(s.Name, schedule.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    problems.Add($"{ImportsOptions.Section}:Schedules:{i} ({schedule.Name}): Name is used by an earlier schedule; names must be unique");
                }

                parsed.Add(schedule);
            }
        }

        if (options.FeedTimeoutSeconds <= 0)
        {
            problems.Add($"{ImportsOptions.Section}:FeedTimeoutSeconds must be more than 0, got {options.FeedTimeoutSeconds}");
        }

        if (options.MaxFeedBytes <= 0)
        {
            problems.Add($"{ImportsOptions.Section}:MaxFeedBytes must be more than 0, got {options.MaxFeedBytes}");
        }

        schedules = parsed;
        return problems;
    }

    private static (string? Source, Uri? FeedUrl) ParseSource(string? source, Action<string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            problem("Source", "is required: a folder or file path, or an http(s) url of a JSONL or CSV feed");
            return (null, null);
        }

        if (source.Contains("://", StringComparison.Ordinal))
        {
            if (Uri.TryCreate(source, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            {
                return (source, url);
            }

            problem("Source", $"'{source}' is not an http(s) url (feeds are fetched over HTTP or HTTPS only)");
            return (null, null);
        }

        var path = Path.GetFullPath(source);
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            problem("Source", $"'{source}' is neither an http(s) url nor an existing folder or file (looked for {path})");
            return (null, null);
        }

        if (File.Exists(path) && !ImportFormats.IsImportable(path))
        {
            problem("Source", $"'{source}' is not a file kg imports (.md, .markdown, .txt, .jsonl or .csv)");
            return (null, null);
        }

        return (path, null);
    }

    private static CronExpression? ParseCron(string? cron, Action<string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(cron))
        {
            problem("Cron", "is required, e.g. \"0 2 * * *\" for 02:00 every day");
            return null;
        }

        // Five fields is standard cron; six means seconds come first.
        var format = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        try
        {
            return CronExpression.Parse(cron, format);
        }
        catch (CronFormatException ex)
        {
            problem("Cron", $"'{cron}' is not a valid cron expression: {ex.Message}");
            return null;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex NamePattern();
}
