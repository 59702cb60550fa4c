using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Moatown.Campaigns.PublicEvents;

/// <summary>
/// Where a reader of the public event store stands: the (transaction, campaign, sequence) of the
/// last event it has. Opaque to subscribers; they hand back the <c>next</c> they were given.
/// </summary>
public readonly record struct EventCursor(ulong TransactionId, Guid CampaignId, long Sequence)
{
    public static readonly EventCursor Start = new(0, Guid.Empty, 0);

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{TransactionId}.{CampaignId:N}.{Sequence}");

    public static bool TryParse(string? text, [NotNullWhen(true)] out EventCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text))
        {
            cursor = Start;
            return true;
        }
        var parts = text.Split('.');
        if (parts.Length == 3
            && ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var transaction)
            && Guid.TryParseExact(parts[1], "N", out var campaign)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            cursor = new EventCursor(transaction, campaign, sequence);
            return true;
        }
        return false;
    }
}
