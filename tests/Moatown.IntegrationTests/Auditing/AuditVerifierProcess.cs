using System.Diagnostics;
using Moatown.Testing;

namespace Moatown.IntegrationTests.Auditing;

/// <summary>The offline audit verifier run as an auditor runs it: <c>dotnet Moatown.AuditVerifier.dll "connection string"</c>.</summary>
public static class AuditVerifierProcess
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(params string[] connectionStrings)
    {
        // The tests run from bin/<configuration>/net10.0/: the verifier is built to the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepositoryLayout.Root, "tools", "Moatown.AuditVerifier", "bin", configuration, "net10.0", "Moatown.AuditVerifier.dll");
        Assert.True(File.Exists(dll), $"The audit verifier is not built at {dll}.");

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var connectionString in connectionStrings)
        {
            start.ArgumentList.Add(connectionString);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output + await error);
    }
}
