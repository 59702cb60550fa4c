namespace Moatown.Web.Staff.Tallies;

/// <summary>One change of the rate: when campaigns counted it (the ledger entry's time) and the two rates.</summary>
public sealed record TallyPoint(DateTimeOffset At, int OwnersConsented, int OwnersTotal, decimal OwnersRate, decimal LandConsentedM2, decimal LandTotalM2, decimal LandRate);

/// <summary>
/// The tallies a dashboard has seen since it was opened: a point for each change (heartbeats that
/// repeat the same count add nothing), at most <see cref="Capacity"/> of them.
/// </summary>
public sealed class TallyHistory
{
    public const int Capacity = 500;
    private readonly List<TallyPoint> _points = [];

    public IReadOnlyList<TallyPoint> Points => _points;

    public TallyView? Latest { get; private set; }

    /// <summary>True when the tally moved (or is the first).</summary>
    public bool Add(TallyView tally)
    {
        Latest = tally;
        var point = new TallyPoint(tally.AsOf, tally.Owners.Consented, tally.Owners.Total, tally.Owners.Rate,
            tally.LandArea.ConsentedM2, tally.LandArea.TotalM2, tally.LandArea.Rate);
        if (_points.Count > 0 && _points[^1] with { At = point.At } == point)
        {
            return false;
        }
        // A recount can carry an earlier time than the last point (a roll import); the line never runs backwards.
        if (_points.Count > 0 && point.At < _points[^1].At)
        {
            point = point with { At = _points[^1].At };
        }
        _points.Add(point);
        if (_points.Count > Capacity)
        {
            _points.RemoveAt(0);
        }
        return true;
    }
}
