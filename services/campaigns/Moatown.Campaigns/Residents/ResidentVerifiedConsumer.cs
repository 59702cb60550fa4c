using MassTransit;
using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Data;
using Moatown.Contracts.Identity;
using Moatown.ServiceDefaults.Messaging;

namespace Moatown.Campaigns.Residents;

/// <summary>
/// Records that a holder proved who they are, for the organizer's per-owner status. Once per
/// message; a later verification moves the time forward, an older message arriving late does not
/// move it back.
/// </summary>
public sealed class ResidentVerifiedConsumer(CampaignsDbContext db) : IConsumer<ResidentVerified>
{
    public async Task Consume(ConsumeContext<ResidentVerified> context)
    {
        var verified = context.Message;
        await db.HandleOnceAsync(context, nameof(ResidentVerifiedConsumer), async cancellationToken =>
        {
            // A holder unknown here (a campaign deleted since) has nothing to record; not an error.
            await db.Holders
                .Where(h => h.Id == verified.HolderId && h.CampaignId == verified.CampaignId
                    && (h.VerifiedAt == null || h.VerifiedAt < verified.VerifiedAt))
                .ExecuteUpdateAsync(setters => setters
                    .SetProperty(h => h.VerifiedAt, verified.VerifiedAt)
                    .SetProperty(h => h.VerificationMethod, verified.Method), cancellationToken);
        });
    }
}
