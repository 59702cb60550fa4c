using System.Runtime.InteropServices;

namespace Moatown.Benchmarks.Results;

/// <summary>What the figures were measured on: they mean nothing without it.</summary>
public sealed record Machine(string Cpu, int Cores, double MemoryGiB, string Os, string Runtime)
{
    public static Machine Current() => new(
        ProcInfo("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024), 1),
        OsRelease() ?? RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    /// <summary>
    /// The 1-minute load average: the machine may be shared, and a load well above the core count
    /// means the figures include waiting for a CPU.
    /// </summary>
    public static double? LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0],
            System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var load) ? load : null;

    public override string ToString() => $"{Cores} × {Cpu}, {MemoryGiB} GiB, {Os}, {Runtime}";

    private static string? ProcInfo(string path, string key) =>
        File.Exists(path)
            ? File.ReadLines(path).Where(l => l.StartsWith(key, StringComparison.Ordinal)).Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault()
            : null;

    private static string? OsRelease() =>
        File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").Where(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))
                .Select(l => l["PRETTY_NAME=".Length..].Trim('"')).FirstOrDefault()
            : null;
}
