using Moatown.Testing;

namespace Moatown.LogScanTests;

/// <summary>
/// Runs after the other tiers (`./moatown test` empties TestResults/logs first): no log line of any
/// service holds a name, birth date, phone number or address of the rolls the tests sent them.
/// </summary>
public sealed class ServiceLogsTests
{
    // The hosts each tier runs. A tier whose capture broke must fail here, not pass with nothing to read.
    private static readonly string[] IntegrationServices = ["identity", "campaigns", "notifications", "gateway"];
    private static readonly string[] EndToEndServices = ["identity", "campaigns", "signing", "documents", "notifications", "gateway"];

    public static TheoryData<string> ExpectedFiles()
    {
        var files = new TheoryData<string>();
        foreach (var service in IntegrationServices)
        {
            files.Add(Path.GetFileName(TestLogs.FileFor("integration", service)));
        }
        foreach (var service in EndToEndServices)
        {
            files.Add(Path.GetFileName(TestLogs.FileFor("end-to-end", service)));
        }
        return files;
    }

    [Theory]
    [MemberData(nameof(ExpectedFiles))]
    public void Each_tier_wrote_the_logs_of_each_of_its_services(string name)
    {
        var file = new FileInfo(Path.Combine(TestLogs.Directory, name));

        Assert.True(file.Exists, $"{file.FullName} is missing: run the integration and end-to-end tiers first (./moatown test).");
        Assert.True(file.Length > 0, $"{file.FullName} is empty.");
    }

    [Fact]
    public void No_service_log_holds_personal_data_of_the_test_rolls()
    {
        var files = Directory.Exists(TestLogs.Directory) ? Directory.GetFiles(TestLogs.Directory, "*.log") : [];
        Assert.True(files.Length > 0, $"No logs in {TestLogs.Directory}: run the other tiers first (./moatown test).");
        var scanner = new LogScanner(KnownPersonalData.Load());

        var findings = files.Order(StringComparer.Ordinal).SelectMany(scanner.Scan).ToList();

        Assert.True(findings.Count == 0,
            $"{findings.Count} log lines hold personal data (value masked: first character and length):\n"
            + string.Join("\n", findings.Take(100)));
    }
}
