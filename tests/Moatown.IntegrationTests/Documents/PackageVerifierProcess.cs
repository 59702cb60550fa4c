using System.Diagnostics;
using Moatown.Testing;

namespace Moatown.IntegrationTests.Documents;

/// <summary>
/// The package verifier run as a district office runs it: <c>dotnet Moatown.PackageVerifier.dll</c>, a
/// separate process. The test project references it without loading it, so it is built first, in the
/// same configuration as the tests.
/// </summary>
public static class PackageVerifierProcess
{
    public sealed record Result(int ExitCode, string Output);

    public static string DllPath
    {
        get
        {
            // The tests run from bin/<configuration>/net10.0/: the verifier is built to the same configuration.
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var path = Path.Combine(RepositoryLayout.Root, "tools", "Moatown.PackageVerifier", "bin", configuration, "net10.0", "Moatown.PackageVerifier.dll");
            Assert.True(File.Exists(path), $"The package verifier is not built at {path}.");
            return path;
        }
    }

    public static async Task<Result> RunAsync(byte[] package, params string[] arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), $"package-{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(path, package);
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(DllPath);
            start.ArgumentList.Add(path);
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
        finally
        {
            File.Delete(path);
        }
    }
}
