using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Moatown.Benchmarks.Results;

/// <summary>
/// Writes a suite's run as JSON (for tools) and a Markdown table (for the README) under
/// benchmarks/results/, once with the date in the name and once as NAME-latest.
/// </summary>
public static class ResultFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static IReadOnlyList<string> Write(string directory, SuiteRun run)
    {
        Directory.CreateDirectory(directory);
        var stamp = run.StartedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var json = JsonSerializer.Serialize(run, Json);
        var markdown = Markdown(run);
        var paths = new List<string>();
        foreach (var name in new[] { $"{run.Suite}-{stamp}", $"{run.Suite}-latest" })
        {
            File.WriteAllText(Path.Combine(directory, name + ".json"), json);
            File.WriteAllText(Path.Combine(directory, name + ".md"), markdown);
            paths.Add(Path.Combine(directory, name + ".md"));
        }
        return paths;
    }

    public static string Markdown(SuiteRun run)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Suite `{run.Suite}`, {run.StartedAt:yyyy-MM-dd HH:mm} UTC, {run.Duration.TotalMinutes:F1} min. Machine: {run.Machine}.");
        md.AppendLine();
        md.AppendLine("| figure | target | min | median | p99 | max | runs | met |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var f in run.Figures)
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {f.Name} | {(f.TargetMs is { } t ? (f.HeldAtP99 ? "p99 < " : "< ") + Ms(t) : "—")} | {Ms(f.Measured.MinMs)} | {Ms(f.Measured.MedianMs)} | {Ms(f.Measured.P99Ms)} | {Ms(f.Measured.MaxMs)} | {f.Measured.Samples} | {f.Met switch { true => "yes", false => "**no**", null => "—" }} |");
        if (run.Rates.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("| rate | target | measured | met |");
            md.AppendLine("|---|---|---|---|");
            foreach (var r in run.Rates)
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {r.Name} | {(r.AtLeast is { } floor ? "≥ " + Value(floor, r.Unit) : r.AtMost is { } ceiling ? "≤ " + Value(ceiling, r.Unit) : "—")} | {Value(r.Value, r.Unit)} | {r.Met switch { true => "yes", false => "**no**", null => "—" }} |");
        }
        foreach (var figure in run.Details.GroupBy(d => d.Figure))
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Where the time of “{figure.Key}” goes:");
            md.AppendLine();
            md.AppendLine("| part | time |");
            md.AppendLine("|---|---|");
            foreach (var d in figure) md.AppendLine(CultureInfo.InvariantCulture, $"| {d.Part} | {Ms(d.Ms)} |");
        }
        if (run.Notes.Count > 0)
        {
            md.AppendLine();
            foreach (var note in run.Notes) md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }
        return md.ToString();
    }

    /// <summary>A rate in whole units when large, a ratio to two decimals.</summary>
    public static string Value(double value, string unit) =>
        (value >= 100 ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.0##", CultureInfo.InvariantCulture)) + " " + unit;

    /// <summary>Three significant digits, in the unit a reader would say it in.</summary>
    public static string Ms(double ms) => ms switch
    {
        >= 1000 => string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:0.00} s"),
        >= 1 => string.Create(CultureInfo.InvariantCulture, $"{ms:0.#} ms"),
        >= 0.001 => string.Create(CultureInfo.InvariantCulture, $"{ms * 1000:0.#} µs"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ms * 1_000_000:0} ns"),
    };
}

public sealed record SuiteRun(string Suite, DateTimeOffset StartedAt, TimeSpan Duration, Machine Machine,
    IReadOnlyList<Figure> Figures, IReadOnlyList<Detail> Details, IReadOnlyList<string> Notes, IReadOnlyList<Rate> Rates);
