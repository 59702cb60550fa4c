namespace Moatown.ServiceDefaults.Authentication;

/// <summary>
/// OAuth scopes, one per service API. A token for a scope carries that service's audience,
/// so a token minted for one service is refused by every other.
/// </summary>
public static class Scopes
{
    public const string Identity = "identity";
    public const string Campaigns = "campaigns";
    public const string Signing = "signing";
    public const string Documents = "documents";
    public const string Notifications = "notifications";

    public static readonly IReadOnlyList<string> All = [Identity, Campaigns, Signing, Documents, Notifications];

    /// <summary>The audience (resource) a service accepts, derived from its scope.</summary>
    public static string AudienceOf(string scope) => $"moatown-{scope}";
}
