using System.Diagnostics;
using Moatown.Testing;

namespace Moatown.IntegrationTests.Infrastructure;

/// <summary>
/// The repository's own command-line tools (tools/*), run as their users run them: <c>dotnet Tool.dll …</c>
/// in a separate process. The test project references them without loading them, so they are built
/// first, in the same configuration as the tests.
/// </summary>
public static class RepositoryTools
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> RunAsync(string tool, IEnumerable<string> arguments)
    {
        // The tests run from bin/<configuration>/net10.0/: the tool is built to the same configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepositoryLayout.Root, "tools", tool, "bin", configuration, "net10.0", $"{tool}.dll");
        Assert.True(File.Exists(dll), $"{tool} is not built at {dll}.");

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output + await error);
    }
}
