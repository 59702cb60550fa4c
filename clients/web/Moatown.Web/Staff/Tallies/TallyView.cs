namespace Moatown.Web.Staff.Tallies;

/// <summary>
/// The campaign's tally as campaigns answers it (counting-rules.md's contract), only the fields the
/// dashboard shows. Rates are for display: campaigns decides whether a threshold is met.
/// </summary>
public sealed record TallyView(
    Guid CampaignId,
    string? RollVersion,
    OwnersTallyView Owners,
    LandAreaTallyView LandArea,
    SourcesView? BySource,
    int Withdrawals,
    DateTimeOffset AsOf,
    bool ThresholdMet);

public sealed record OwnersTallyView(int Consented, int Total, decimal Rate, decimal Threshold, bool Met)
{
    /// <summary>How many more owners must consent to meet the threshold (0 once met).</summary>
    public int Missing => Met ? 0 : Math.Max(0, (int)Math.Ceiling(Threshold * Total) - Consented);
}

public sealed record LandAreaTallyView(decimal ConsentedM2, decimal TotalM2, decimal Rate, decimal Threshold, bool Met, bool PublicLandExcluded)
{
    /// <summary>How many more square metres must consent (0 once met).</summary>
    public decimal MissingM2 => Met ? 0 : Math.Max(0, Threshold * TotalM2 - ConsentedM2);
}

public sealed record SourcesView(int Electronic, int Paper, int Deemed);
