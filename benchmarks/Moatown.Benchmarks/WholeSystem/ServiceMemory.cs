using System.Globalization;
using Moatown.Testing;

namespace Moatown.Benchmarks.WholeSystem;

/// <summary>
/// Resident memory (VmRSS in /proc/PID/status) of each service process of this checkout, found by
/// its command line: the service's own binary under services/ or gateway/, not the `dotnet run`
/// that started it. With replicas a service has several processes; each is one sample.
/// </summary>
public static class ServiceMemory
{
    private static readonly Dictionary<string, string> Binaries = new()
    {
        ["identity"] = "Moatown.Identity",
        ["campaigns"] = "Moatown.Campaigns",
        ["signing"] = "Moatown.Signing",
        ["documents"] = "Moatown.Documents",
        ["notifications"] = "Moatown.Notifications",
        ["gateway"] = "Moatown.Gateway",
        ["web"] = "Moatown.Web",
    };

    /// <summary>Service name → the RSS in MiB of each of its processes now.</summary>
    public static Dictionary<string, List<double>> Sample()
    {
        var result = Binaries.Keys.ToDictionary(k => k, _ => new List<double>());
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _)) continue;
            try
            {
                var args = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries);
                if (ServiceOf(args) is not { } service) continue;
                var rss = File.ReadLines(Path.Combine(dir, "status")).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                if (rss is null) continue;
                var kb = double.Parse(rss["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                result[service].Add(kb / 1024);
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return result;
    }

    /// <summary>The service whose own binary of this checkout the command line runs; null for anything else (`dotnet run` included).</summary>
    public static string? ServiceOf(string[] args)
    {
        if (args.Length == 0 || args.Contains("run")) return null;
        var root = RepositoryLayout.Root;
        return Binaries.FirstOrDefault(b => args.Any(a => a.StartsWith(root, StringComparison.Ordinal)
            && (a.EndsWith("/" + b.Value, StringComparison.Ordinal) || a.EndsWith("/" + b.Value + ".dll", StringComparison.Ordinal)))).Key;
    }

    /// <summary>The highest RSS each process of each service reached over several samples.</summary>
    public sealed class Peak
    {
        private readonly Dictionary<string, List<double>> peak = [];

        public void Add(Dictionary<string, List<double>> sample)
        {
            lock (peak)
            {
                foreach (var (service, values) in sample)
                {
                    var sorted = values.OrderDescending().ToList();
                    if (!peak.TryGetValue(service, out var known)) peak[service] = known = [];
                    for (var i = 0; i < sorted.Count; i++)
                    {
                        if (i < known.Count) known[i] = Math.Max(known[i], sorted[i]);
                        else known.Add(sorted[i]);
                    }
                }
            }
        }

        public Dictionary<string, List<double>> Value
        {
            get { lock (peak) return peak.ToDictionary(p => p.Key, p => p.Value.ToList()); }
        }
    }
}
