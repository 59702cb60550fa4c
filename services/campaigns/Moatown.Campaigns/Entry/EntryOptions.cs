namespace Moatown.Campaigns.Entry;

/// <summary>Section <c>Campaigns:Entry</c>.</summary>
public sealed class EntryOptions
{
    public const string SectionName = "Campaigns:Entry";

    /// <summary>
    /// The public address a campaign's entry page starts with, e.g. <c>https://moatown.seoul.go.kr/e</c>;
    /// the campaign id follows. It is printed on posters, so changing it strands the posters already up.
    /// </summary>
    public Uri? LinkBase { get; set; }

    /// <summary>The entry page of a campaign, where a resident who scanned its QR code starts; null while <see cref="LinkBase"/> is not set.</summary>
    public string? LinkTo(Guid campaignId) =>
        LinkBase is { } linkBase ? $"{linkBase.ToString().TrimEnd('/')}/{campaignId:D}" : null;
}
