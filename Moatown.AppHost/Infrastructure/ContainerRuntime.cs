using System.Diagnostics;

namespace Moatown.AppHost.Infrastructure;

internal static class ContainerRuntime
{
    /// <summary>
    /// True when a container engine (Docker or Podman) actually answers. A client binary alone
    /// is not enough: machines without an engine often still have the docker CLI.
    /// </summary>
    public static bool Answers() => Probe("docker") || Probe("podman");

    private static bool Probe(string command)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(command, ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return false;
            }
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }
}
