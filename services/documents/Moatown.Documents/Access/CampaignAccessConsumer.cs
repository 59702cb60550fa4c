using MassTransit;
using Moatown.Contracts.Campaigns;
using Moatown.Documents.Data;
using Moatown.ServiceDefaults.Messaging;

namespace Moatown.Documents.Access;

/// <summary>
/// Learns whose each campaign is and which district office reviews it; a redelivered event changes
/// nothing. Its own name, so its queue ("campaign-access") is this service's alone: a consumer named
/// like notifications' CampaignCreatedConsumer would share that service's queue and take half its events.
/// </summary>
public sealed class CampaignAccessConsumer(DocumentsDbContext db, TimeProvider time) : IConsumer<CampaignCreated>, IConsumer<CampaignOpened>
{
    public async Task Consume(ConsumeContext<CampaignCreated> context)
    {
        var created = context.Message;
        await db.HandleOnceAsync(context, nameof(CampaignAccessConsumer), async cancellationToken =>
        {
            var known = await FindOrAddAsync(created.CampaignId, cancellationToken);
            known.Organizer ??= created.Organizer;
            // The district at opening wins over the one at creation, whichever event arrives first.
            known.District ??= created.District;
        });
    }

    /// <summary>The district a campaign opened in: it cannot change from then on.</summary>
    public async Task Consume(ConsumeContext<CampaignOpened> context)
    {
        var opened = context.Message;
        await db.HandleOnceAsync(context, nameof(CampaignAccessConsumer), async cancellationToken =>
        {
            var known = await FindOrAddAsync(opened.CampaignId, cancellationToken);
            known.District = opened.District;
        });
    }

    private async Task<KnownCampaign> FindOrAddAsync(Guid campaignId, CancellationToken cancellationToken)
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
