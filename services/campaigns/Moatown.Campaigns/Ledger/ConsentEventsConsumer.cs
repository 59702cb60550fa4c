using MassTransit;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.Model;
using Moatown.Campaigns.Tallies;
using Moatown.Contracts.Signing;
using Moatown.ServiceDefaults.Messaging;

namespace Moatown.Campaigns.Ledger;

/// <summary>
/// Records the signing service's consents and withdrawals in the ledger, once per message. An
/// event the ledger refuses is not acknowledged and lost: it fails, and after its retries waits
/// in the error queue for someone to look at it.
/// </summary>
public sealed class ConsentEventsConsumer(CampaignsDbContext db, ConsentLedger ledger, LiveTallies tallies, TallySignals signals)
    : IConsumer<ConsentSigned>, IConsumer<ConsentWithdrawn>
{
    public const string RecordedBy = "service:signing";

    public Task Consume(ConsumeContext<ConsentSigned> context)
    {
        var signed = context.Message;
        return RecordAsync(context, new LedgerRequest(signed.CampaignId, signed.HolderId, LedgerAction.Consent, LedgerSource.Electronic,
            signed.SignedAt, signed.ConsentId.ToString("D"), signed.DocumentHash, RecordedBy));
    }

    public Task Consume(ConsumeContext<ConsentWithdrawn> context)
    {
        var withdrawn = context.Message;
        return RecordAsync(context, new LedgerRequest(withdrawn.CampaignId, withdrawn.HolderId, LedgerAction.Withdrawal, LedgerSource.Electronic,
            withdrawn.WithdrawnAt, withdrawn.WithdrawalId.ToString("D"), withdrawn.DocumentHash, RecordedBy));
    }

    private async Task RecordAsync(ConsumeContext context, LedgerRequest request)
    {
        using var lease = await tallies.EnterAsync(request.CampaignId, context.CancellationToken);
        bool recorded;
        try
        {
            recorded = await db.HandleOnceAsync(context, nameof(ConsentEventsConsumer), async cancellationToken =>
            {
                var outcome = await ledger.AppendAsync(lease, request, cancellationToken);
                if (outcome.Refusal is { } refusal)
                {
                    throw new LedgerRefusedException(request, refusal);
                }
            });
        }
        catch
        {
            lease.Invalidate();
            throw;
        }
        if (recorded)
        {
            signals.Changed(request.CampaignId);
        }
    }
}

/// <summary>Ids and the reason only: the message itself stays in the error queue.</summary>
public sealed class LedgerRefusedException(LedgerRequest request, LedgerRefusal refusal)
    : Exception($"The consent ledger of campaign {request.CampaignId} refused {request.Source} {request.Action} {request.Reference} of holder {request.HolderId}: {refusal}.")
{
    public LedgerRefusal Refusal { get; } = refusal;
}
