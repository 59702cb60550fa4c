using MassTransit;
using Moatown.Contracts.Campaigns;
using Moatown.Documents.Data;
using Moatown.ServiceDefaults.Messaging;

namespace Moatown.Documents.Access;

/// <summary>Learns a new campaign's organizer and district; a redelivered event changes nothing.</summary>
public sealed class CampaignCreatedConsumer(DocumentsDbContext db, TimeProvider time) : IConsumer<CampaignCreated>
{
    public async Task Consume(ConsumeContext<CampaignCreated> context)
    {
        var created = context.Message;
        await db.HandleOnceAsync(context, nameof(CampaignCreatedConsumer), async cancellationToken =>
        {
            var known = await KnownCampaigns.FindOrAddAsync(db, created.CampaignId, time, cancellationToken);
            known.Organizer ??= created.Organizer;
            // The district at opening wins over the one at creation, whichever event arrives first.
            known.District ??= created.District;
        });
    }
}

/// <summary>Learns the district a campaign was opened in: it cannot change from then on.</summary>
public sealed class CampaignOpenedConsumer(DocumentsDbContext db, TimeProvider time) : IConsumer<CampaignOpened>
{
    public async Task Consume(ConsumeContext<CampaignOpened> context)
    {
        var opened = context.Message;
        await db.HandleOnceAsync(context, nameof(CampaignOpenedConsumer), async cancellationToken =>
        {
            var known = await KnownCampaigns.FindOrAddAsync(db, opened.CampaignId, time, cancellationToken);
            known.District = opened.District;
        });
    }
}

internal static class KnownCampaigns
{
    public static async Task<KnownCampaign> FindOrAddAsync(DocumentsDbContext db, Guid campaignId, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var known = await db.KnownCampaigns.FindAsync([campaignId], cancellationToken);
        if (known is null)
        {
            known = new KnownCampaign { CampaignId = campaignId, LearnedAt = now };
            db.KnownCampaigns.Add(known);
        }
        known.UpdatedAt = now;
        return known;
    }
}
