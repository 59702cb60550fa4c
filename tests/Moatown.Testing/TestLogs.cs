namespace Moatown.Testing;

/// <summary>
/// Where every tier writes the logs of the services it runs, so the log scan tier can read them after
/// the run: `TestResults/logs/` at the checkout's root, next to the tiers' trx results.
/// </summary>
public static class TestLogs
{
    public static string Directory => Path.Combine(RepositoryLayout.Root, "TestResults", "logs");

    /// <summary>`integration-campaigns.log`, `end-to-end-gateway.log`: the tier first, then the service.</summary>
    public static string FileFor(string tier, string service) => Path.Combine(Directory, $"{tier}-{service}.log");
}
