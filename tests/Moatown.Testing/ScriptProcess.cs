using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Moatown.Testing;

/// <summary>One run of an infra script, its output appended to a log file.</summary>
internal sealed class ScriptProcess
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    private readonly Process _process;

    private ScriptProcess(Process process, string logPath)
    {
        _process = process;
        LogPath = logPath;
    }

    public int Id => _process.Id;

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static ScriptProcess Start(string script, IReadOnlyDictionary<string, string> environment, string logPath)
    {
        // The shell writes straight into the log file rather than through pipes to us: output is
        // kept even if the test process dies, and `exec` keeps the script's PID the one we signal.
        var startInfo = new ProcessStartInfo("/bin/bash")
        {
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(logPath)!,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add("exec bash \"$0\" >>\"$1\" 2>&1 </dev/null");
        startInfo.ArgumentList.Add(script);
        startInfo.ArgumentList.Add(logPath);
        foreach (var (key, value) in environment)
        {
            startInfo.Environment[key] = value;
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {script}.");
        return new ScriptProcess(process, logPath);
    }

    /// <summary>Asks the server to shut down with <paramref name="signal"/>, killing the tree after the grace period.</summary>
    public async Task StopAsync(int signal, TimeSpan grace)
    {
        if (!Signal(signal))
        {
            return;
        }
        using var deadline = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    /// <summary>Synchronous variant for process-exit handlers, where awaiting is not an option.</summary>
    public void Stop(int signal, TimeSpan grace)
    {
        if (Signal(signal) && !_process.WaitForExit(grace))
        {
            Kill();
        }
    }

    public string Tail(int lines)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException e)
        {
            return $"(log {LogPath} unreadable: {e.Message})";
        }
    }

    private bool Signal(int signal) => !_process.HasExited && SendSignal(_process.Id, signal) == 0;

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Exited in the meantime.
        }
    }

    // Process.Kill only sends SIGKILL; a clean shutdown needs SIGTERM/SIGINT.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
