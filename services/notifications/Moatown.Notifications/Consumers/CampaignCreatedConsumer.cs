using MassTransit;
using Moatown.Contracts.Campaigns;
using Moatown.Notifications.Data;
using Moatown.Notifications.Model;
using Moatown.ServiceDefaults.Messaging;

namespace Moatown.Notifications.Consumers;

/// <summary>Learns of new campaigns; a redelivered event changes nothing.</summary>
public sealed class CampaignCreatedConsumer(NotificationsDbContext db, TimeProvider time) : IConsumer<CampaignCreated>
{
    public async Task Consume(ConsumeContext<CampaignCreated> context)
    {
        var campaign = context.Message;
        await db.HandleOnceAsync(context, nameof(CampaignCreatedConsumer), async cancellationToken =>
        {
            var known = await db.KnownCampaigns.FindAsync([campaign.CampaignId], cancellationToken);
            if (known is null)
            {
                db.KnownCampaigns.Add(new KnownCampaign
                {
                    CampaignId = campaign.CampaignId,
                    Name = campaign.Name,
                    CreatedAt = campaign.CreatedAt,
                    LearnedAt = time.GetUtcNow(),
                    Organizer = campaign.Organizer,
                });
            }
        });
    }
}
