namespace Moatown.Campaigns.Apis;

/// <summary>
/// A campaign's settings as sent to create or update it. The organizer is never part of it:
/// it comes from the token.
/// </summary>
/// <param name="Counting">Omitted: unchanged (on create, <see cref="Model.CampaignCounting.Default"/>).</param>
/// <param name="ConsentForm">Omitted: unchanged (on create, an empty form, to be completed before the campaign opens).</param>
public sealed record CampaignRequest(
    string? Name,
    string? District,
    string? AreaName,
    string? Address,
    CountingRequest? Counting = null,
    ConsentFormRequest? ConsentForm = null);

/// <summary>A field left out keeps its current value (on create, the default).</summary>
/// <param name="RuleSet">"decree-33-2024".</param>
/// <param name="OwnerThreshold">Exact, 0 &lt; t ≤ 1, at most 6 decimals, e.g. 0.6.</param>
/// <param name="LandAreaThreshold">Exact, 0 &lt; t ≤ 1, at most 6 decimals, e.g. 0.5.</param>
/// <param name="GroupRule">"majority-of-shares" or "all-holders": how co-holders without a representative consent.</param>
/// <param name="ExcludePublicLandFromArea">Leave public land out of the land area (numerator and denominator).</param>
public sealed record CountingRequest(
    string? RuleSet = null,
    decimal? OwnerThreshold = null,
    decimal? LandAreaThreshold = null,
    string? GroupRule = null,
    bool? ExcludePublicLandFromArea = null);

/// <summary>A field left out keeps its current value (on create, empty).</summary>
/// <param name="StatutoryItems">The items an owner agrees to one by one, in order.</param>
public sealed record ConsentFormRequest(
    string? Title = null,
    string? Body = null,
    IReadOnlyList<string?>? StatutoryItems = null);
