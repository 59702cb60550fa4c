using System.Diagnostics;

namespace Moatown.IntegrationTests.Infrastructure;

/// <summary>The machine's own tools (poppler's pdftotext, zbar's zbarimg), run as a person checking the output would run them.</summary>
public static class CommandLineTools
{
    /// <summary>Runs <paramref name="tool"/> and returns its standard output; fails the test when it exits with an error or does not finish in 30 s.</summary>
    public static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}");
        return await output;
    }
}
