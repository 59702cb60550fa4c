namespace Moatown.Campaigns.Invitations;

/// <summary>Section <c>Campaigns:Invitations</c>.</summary>
public sealed class InvitationOptions
{
    public const string SectionName = "Campaigns:Invitations";

    /// <summary>How long a personal link works: long enough for an owner away for a week, short enough that an old text message goes stale.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>The public address a personal link starts with, e.g. <c>https://moatown.seoul.go.kr/i</c>; the token follows.</summary>
    public Uri? LinkBase { get; set; }
}
