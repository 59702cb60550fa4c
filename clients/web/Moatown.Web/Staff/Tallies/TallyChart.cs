using System.Globalization;
using System.Text;

namespace Moatown.Web.Staff.Tallies;

/// <summary>
/// The geometry of the tally chart, drawn as SVG on the server: rates (0–100 %) up, time across,
/// each rate a step line (a rate holds until the next change), the thresholds as flat lines.
/// </summary>
public sealed class TallyChart(IReadOnlyList<TallyPoint> points, DateTimeOffset now)
{
    public const double Width = 640;
    public const double Height = 300;
    public const double Left = 52;
    public const double Right = 16;
    public const double Top = 14;
    public const double Bottom = 40;

    public double PlotRight => Width - Right;
    public double PlotBottom => Height - Bottom;

    /// <summary>From the first change seen to now; at least a minute, so a single point still has a line.</summary>
    public DateTimeOffset Start => points.Count > 0 ? points[0].At : now.AddMinutes(-1);

    public DateTimeOffset End
    {
        get
        {
            var end = points.Count > 0 && points[^1].At > now ? points[^1].At : now;
            return end - Start < TimeSpan.FromMinutes(1) ? Start.AddMinutes(1) : end;
        }
    }

    public static IReadOnlyList<int> Percentages { get; } = [0, 25, 50, 75, 100];

    public double X(DateTimeOffset at) =>
        Left + (PlotRight - Left) * Math.Clamp((at - Start).TotalMilliseconds / (End - Start).TotalMilliseconds, 0, 1);

    public double Y(decimal rate) => PlotBottom - (PlotBottom - Top) * (double)Math.Clamp(rate, 0m, 1m);

    public string OwnersPath => StepPath(p => p.OwnersRate);

    public string LandPath => StepPath(p => p.LandRate);

    /// <summary>The last point of each line, where a marker shows the rate now.</summary>
    public (double X, double Y)? OwnersNow => points.Count == 0 ? null : (X(End), Y(points[^1].OwnersRate));

    public (double X, double Y)? LandNow => points.Count == 0 ? null : (X(End), Y(points[^1].LandRate));

    private string StepPath(Func<TallyPoint, decimal> rate)
    {
        if (points.Count == 0)
        {
            return "";
        }
        var path = new StringBuilder();
        path.Append('M').Append(N(X(points[0].At))).Append(' ').Append(N(Y(rate(points[0]))));
        for (var i = 1; i < points.Count; i++)
        {
            path.Append(" H").Append(N(X(points[i].At))).Append(" V").Append(N(Y(rate(points[i]))));
        }
        path.Append(" H").Append(N(X(End)));
        return path.ToString();
    }

    /// <summary>SVG numbers: invariant, two decimals.</summary>
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
