using MassTransit;
using Microsoft.EntityFrameworkCore;
using Moatown.Contracts.Documents;
using Moatown.Contracts.Signing;
using Moatown.ServiceDefaults.Messaging;
using Moatown.Signing.Data;
using Moatown.Signing.Model;

namespace Moatown.Signing.Consents;

/// <summary>
/// A submission is sealed: it becomes a consent (or withdrawal) that counts, announced through the
/// outbox to campaigns' ledger and to the city's subscribers. Once per message; an unknown
/// submission fails into the error queue rather than being dropped.
/// </summary>
public sealed class ConsentSealedConsumer(SigningDbContext db, TimeProvider time) : IConsumer<ConsentSealed>
{
    public async Task Consume(ConsumeContext<ConsentSealed> context)
    {
        var sealedConsent = context.Message;
        await db.HandleOnceAsync(context, nameof(ConsentSealedConsumer), async cancellationToken =>
        {
            var consent = await db.Consents.FirstOrDefaultAsync(c => c.Id == sealedConsent.ConsentId, cancellationToken)
                ?? throw new InvalidOperationException($"Sealed submission {sealedConsent.ConsentId} is not known here.");
            if (consent.Status == ConsentStatus.Sealed)
            {
                return;
            }
            var now = time.GetUtcNow();
            consent.Status = ConsentStatus.Sealed;
            consent.SealedAt = now;
            consent.DocumentId = sealedConsent.DocumentId;
            consent.DocumentHash = sealedConsent.DocumentHash;
            consent.TimestampedAt = sealedConsent.TimestampedAt;
            // The time the ledger counts is the TSA's: the legal time of the signature.
            if (consent.Kind == ConsentKind.Withdrawal)
            {
                db.Enqueue(new ConsentWithdrawn(consent.Id, consent.CampaignId, consent.HolderId, sealedConsent.TimestampedAt, sealedConsent.DocumentHash), now);
            }
            else
            {
                db.Enqueue(new ConsentSigned(consent.Id, consent.CampaignId, consent.HolderId, sealedConsent.TimestampedAt, sealedConsent.DocumentHash), now);
            }
        });
    }
}
