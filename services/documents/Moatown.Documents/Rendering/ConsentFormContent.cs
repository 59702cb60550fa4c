namespace Moatown.Documents.Rendering;

/// <summary>
/// One version of a campaign's consent form, as the organizer wrote it: immutable once the campaign
/// opens, so <see cref="FormVersion"/> with <see cref="CampaignId"/> names exactly one text.
/// </summary>
public sealed record ConsentFormContent(
    Guid CampaignId,
    string CampaignName,
    string District,
    string AreaName,
    string Title,
    string Body,
    IReadOnlyList<string> StatutoryItems,
    int FormVersion);
