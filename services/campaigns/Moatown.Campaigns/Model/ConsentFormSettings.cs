namespace Moatown.Campaigns.Model;

/// <summary>
/// The consent form an owner reads and signs: its title, its body text (Korean) and the
/// statutory items the owner must agree to one by one. Owned by the campaign while it is a
/// draft; the signing service renders it once the campaign opens.
/// </summary>
public sealed record ConsentFormSettings(string Title, string Body, IReadOnlyList<string> StatutoryItems)
{
    public static ConsentFormSettings Empty { get; } = new("", "", []);

    /// <summary>A campaign opens only with a form an owner can actually sign.</summary>
    public bool IsComplete => Title.Length > 0 && Body.Length > 0 && StatutoryItems.Count > 0;
}
