using System.Diagnostics;

namespace Moatown.Testing;

/// <summary>
/// Stops a server (and deletes its state) when the test process dies without running its
/// cleanup (SIGKILL, a blame-hang timeout, a crash): a tiny shell blocks reading a pipe from
/// this process, and the kernel closes that pipe however the process ends.
/// </summary>
internal sealed class OrphanGuard : IDisposable
{
    private const string Script = """
        trap '' INT HUP
        read -r _
        if kill -s "$1" "$2" 2>/dev/null; then
          for _ in $(seq 1 300); do kill -0 "$2" 2>/dev/null || break; sleep 0.2; done
          kill -0 "$2" 2>/dev/null && kill -s KILL "$2" && sleep 1
        fi
        rm -rf -- "$3"
        """;

    // Holding the Process keeps the pipe's write end from being finalized mid-test.
    private readonly Process _process;

    private OrphanGuard(Process process) => _process = process;

    public static OrphanGuard Watch(int pid, string signalName, string stateDirectory)
    {
        var startInfo = new ProcessStartInfo("/bin/bash")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(Script);
        startInfo.ArgumentList.Add("orphan-guard");
        startInfo.ArgumentList.Add(signalName);
        startInfo.ArgumentList.Add(pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        startInfo.ArgumentList.Add(stateDirectory);
        return new OrphanGuard(Process.Start(startInfo) ?? throw new InvalidOperationException("Could not start the orphan guard."));
    }

    /// <summary>Disarms the guard; killing it (rather than closing the pipe) keeps it from firing.</summary>
    public void Dispose()
    {
        try
        {
            _process.Kill();
            _process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
    }
}
