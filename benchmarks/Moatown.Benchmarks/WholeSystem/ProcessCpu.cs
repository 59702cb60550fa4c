using System.Globalization;

namespace Moatown.Benchmarks.WholeSystem;

/// <summary>
/// CPU seconds (user + system, from /proc/PID/stat) used so far by each part of the running system:
/// every service process (replicas together), PostgreSQL (the postmaster found by its data folder in
/// the system's state folder, and its backends), RabbitMQ (found by the same folder) and this process,
/// which plays the residents. The difference of two samples says where a phase's CPU went.
/// </summary>
public static class ProcessCpu
{
    public const string LoadGenerator = "benchmark (residents, sink reader, dashboards)";
    public const string AspireProxies = "Aspire orchestrator and endpoint proxies (dcp)";
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static Dictionary<string, double> Sample(string stateDirectory)
    {
        var totals = new Dictionary<string, double>();
        var processes = new List<(int Pid, int Parent, string[] Args, double Seconds)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // Fields after the command name, which is in parentheses and may hold spaces.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                var ticks = double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
                var args = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
                processes.Add((pid, parent, args, ticks / TicksPerSecond));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // Gone while being read.
            }
        }

        var postmasters = processes.Where(p => p.Args.Length > 0 && p.Args[0].EndsWith("/postgres", StringComparison.Ordinal)
            && p.Args.Any(a => a.StartsWith(stateDirectory, StringComparison.Ordinal))).Select(p => p.Pid).ToHashSet();
        foreach (var process in processes)
        {
            var part = postmasters.Contains(process.Pid) || postmasters.Contains(process.Parent) ? "postgres"
                : process.Args.Any(a => a.Contains("beam.smp", StringComparison.Ordinal)) && process.Args.Any(a => a.StartsWith(stateDirectory, StringComparison.Ordinal)) ? "rabbitmq"
                : process.Pid == Environment.ProcessId ? LoadGenerator
                // Aspire's orchestrator runs the endpoint proxies every request crosses locally (not in a deployment).
                : process.Args.Length > 0 && process.Args[0].EndsWith("/dcp", StringComparison.Ordinal) ? AspireProxies
                : ServiceMemory.ServiceOf(process.Args);
            if (part is null) continue;
            totals[part] = totals.GetValueOrDefault(part) + process.Seconds;
        }
        return totals;
    }

    /// <summary>CPU seconds each part used between two samples, most first.</summary>
    public static List<(string Part, double Seconds)> Between(Dictionary<string, double> before, Dictionary<string, double> after) =>
        after.Select(a => (a.Key, a.Value - before.GetValueOrDefault(a.Key))).Where(p => p.Item2 > 0).OrderByDescending(p => p.Item2).ToList();
}
