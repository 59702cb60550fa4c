using Moatown.Campaigns.Counting;
using Moatown.Campaigns.Model;
using Moatown.Campaigns.Registry;

namespace Moatown.Campaigns.Tallies;

/// <summary>
/// The service counts holders by their pseudonymous holderId: the counting engine's key is made
/// from it, so counting never needs the names and birth dates a roll's own keys are made of.
/// </summary>
internal static class CountingKeys
{
    private const string Prefix = "holder:";

    public static HolderKey Of(Guid holderId) => new(Prefix + holderId.ToString("D"));

    public static Guid HolderIdOf(HolderKey key) => Guid.ParseExact(key.Value.AsSpan(Prefix.Length), "D");

    public static ConsentAction ToAction(Guid holderId, LedgerAction action, LedgerSource source, DateTimeOffset at)
    {
        var countingSource = source switch
        {
            LedgerSource.Electronic => ConsentSource.Electronic,
            LedgerSource.Paper => ConsentSource.Paper,
            _ => ConsentSource.DeemedByTransfer,
        };
        return action == LedgerAction.Consent
            ? ConsentAction.Consent(Of(holderId), countingSource, at)
            : ConsentAction.Withdrawal(Of(holderId), countingSource, at);
    }

    public static LedgerSource ToLedger(ConsentSource source) => source switch
    {
        ConsentSource.Electronic => LedgerSource.Electronic,
        ConsentSource.Paper => LedgerSource.Paper,
        _ => LedgerSource.Deemed,
    };
}
