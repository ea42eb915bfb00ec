using KnowledgeGraph.Ingestion.Imports;

namespace KnowledgeGraph.Storage.Tests.Imports;

/// <summary>Schedules as configured: checked with errors naming the schedule and field; occurrences and job ids.</summary>
public sealed class ImportScheduleTests
{
    private static readonly string Folder = Path.GetTempPath();

    private static List<string> Problems(params ImportScheduleOptions[] schedules) =>
        ImportSchedule.Check(new ImportsOptions { Schedules = [.. schedules] }, out _);

    [Theory]
    [InlineData("61 * * * *", "Imports:Schedules:0 (nightly): Cron '61 * * * *' is not a valid cron expression")]
    [InlineData("every day", "Imports:Schedules:0 (nightly): Cron 'every day' is not a valid cron expression")]
    [InlineData("", "Imports:Schedules:0 (nightly): Cron is required")]
    public void A_bad_cron_is_named_with_its_schedule(string cron, string expected)
    {
        var problem = Assert.Single(Problems(new ImportScheduleOptions { Name = "nightly", Source = Folder, Cron = cron }));
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://example.org/feed.csv", "Source 'ftp://example.org/feed.csv' is not an http(s) url")]
    [InlineData("/no/such/folder/anywhere", "Source '/no/such/folder/anywhere' is neither an http(s) url nor an existing folder or file")]
    [InlineData("", "Source is required")]
    public void A_bad_source_is_named_with_its_schedule(string source, string expected)
    {
        var problem = Assert.Single(Problems(new ImportScheduleOptions { Name = "feed", Source = source, Cron = "0 * * * *" }));
        Assert.StartsWith($"Imports:Schedules:0 (feed): {expected}", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_time_zones_and_duplicates_are_checked_and_every_problem_is_listed()
    {
        var problems = Problems(
            new ImportScheduleOptions { Name = "ok", Source = "https://example.org/feed.jsonl", Cron = "0 2 * * *" },
            new ImportScheduleOptions { Name = "has space", Source = Folder, Cron = "0 2 * * *" },
            new ImportScheduleOptions { Name = "zoned", Source = Folder, Cron = "0 2 * * *", TimeZone = "Mars/Olympus" },
            new ImportScheduleOptions { Name = "OK", Source = Folder, Cron = "0 3 * * *" },
            new ImportScheduleOptions { Source = Folder, Cron = "0 3 * * *" });

        Assert.Equal(4, problems.Count);
        Assert.StartsWith("Imports:Schedules:1 (has space): Name must be letters, digits", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Imports:Schedules:2 (zoned): TimeZone 'Mars/Olympus' is not a time zone", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("Imports:Schedules:3 (OK): Name is used by an earlier schedule", problems[2], StringComparison.Ordinal);
        Assert.StartsWith("Imports:Schedules:4: Name is required", problems[3], StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => ImportSchedule.ParseAll(new ImportsOptions { Schedules = [new ImportScheduleOptions { Name = "x", Source = Folder, Cron = "nope" }] }));
    }

    [Fact]
    public void Occurrences_follow_the_cron_in_its_time_zone_and_name_a_job_by_utc_time()
    {
        var schedules = ImportSchedule.ParseAll(new ImportsOptions
        {
            Schedules =
            [
                new ImportScheduleOptions { Name = "paris", Source = "https://example.org/feed.csv", Cron = "0 2 * * *", TimeZone = "Europe/Paris" },
                new ImportScheduleOptions { Name = "seconds", Source = Folder, Cron = "30 */10 * * * *" },
            ],
        });
        var paris = schedules[0];
        var seconds = schedules[1];

        // 02:00 in Paris is 01:00 UTC in winter and 00:00 UTC in summer.
        var winter = paris.NextAfter(new DateTimeOffset(2026, 1, 7, 12, 0, 0, TimeSpan.Zero))!.Value;
        var summer = paris.NextAfter(new DateTimeOffset(2026, 7, 7, 12, 0, 0, TimeSpan.Zero))!.Value;
        Assert.Equal(new DateTime(2026, 1, 8, 1, 0, 0), winter.UtcDateTime);
        Assert.Equal(new DateTime(2026, 7, 8, 0, 0, 0), summer.UtcDateTime);
        Assert.Equal("sched-paris-20260108T010000Z", paris.JobId(winter));
        Assert.Equal(new Uri("https://example.org/feed.csv"), paris.FeedUrl);

        var next = seconds.NextAfter(new DateTimeOffset(2026, 1, 7, 12, 0, 31, TimeSpan.Zero))!.Value;
        Assert.Equal(new DateTime(2026, 1, 7, 12, 10, 30), next.UtcDateTime);
        Assert.Null(seconds.FeedUrl);
        Assert.Equal(Path.GetFullPath(Folder), seconds.Source);
    }
}
