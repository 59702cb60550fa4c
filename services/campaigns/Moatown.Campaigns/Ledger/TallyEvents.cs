using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Counting;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.Model;
using Moatown.Campaigns.Tallies;
using Moatown.Contracts.Campaigns;
using Moatown.Campaigns.PublicEvents;
using Moatown.ServiceDefaults.Messaging;
using V1 = Moatown.Contracts.Public.V1;

namespace Moatown.Campaigns.Ledger;

/// <summary>What a change of the tally tells the rest of the system, written in the change's own transaction.</summary>
internal static class TallyEvents
{
    /// <summary>
    /// ConsentRateChanged when a count moved; ConsentThresholdReached when both thresholds are met
    /// and were not before (the campaign row remembers, so every replica publishes it once per crossing).
    /// </summary>
    public static void Publish(CampaignsDbContext db, Campaign campaign, Tally before, Tally after, DateTimeOffset now)
    {
        var moved = before.Owners.Consented != after.Owners.Consented || before.Owners.Total != after.Owners.Total
            || before.LandArea.ConsentedM2 != after.LandArea.ConsentedM2 || before.LandArea.TotalM2 != after.LandArea.TotalM2
            || before.RollVersion != after.RollVersion;
        if (moved)
        {
            db.Enqueue(new ConsentRateChanged(campaign.Id, campaign.LedgerSequence, after.RollVersion,
                after.Owners.Consented, after.Owners.Total, after.LandArea.ConsentedM2, after.LandArea.TotalM2, after.ThresholdMet, now), now);
            db.AppendPublic(campaign, new V1.ConsentRateChanged(campaign.Id, campaign.LedgerSequence, after.RollVersion,
                after.Owners.Consented, after.Owners.Total, after.LandArea.ConsentedM2, after.LandArea.TotalM2, after.ThresholdMet, now), now);
        }
        if (after.ThresholdMet && !campaign.ThresholdMet)
        {
            db.Enqueue(new ConsentThresholdReached(campaign.Id, campaign.LedgerSequence,
                after.Owners.Consented, after.Owners.Total, after.LandArea.ConsentedM2, after.LandArea.TotalM2, now), now);
            db.AppendPublic(campaign, new V1.ConsentThresholdReached(campaign.Id, campaign.LedgerSequence,
                after.Owners.Consented, after.Owners.Total, after.LandArea.ConsentedM2, after.LandArea.TotalM2, now), now);
        }
        campaign.ThresholdMet = after.ThresholdMet;
    }

    /// <summary>Delivered by PostgreSQL when the transaction commits, to every replica's <see cref="TallyChangeListener"/>.</summary>
    public static Task NotifyOnCommitAsync(CampaignsDbContext db, Guid campaignId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_notify({TallyChangeListener.Channel}, {campaignId.ToString("D")})", cancellationToken);

    /// <summary>The campaign, its row locked until the transaction ends (see <see cref="CampaignRowLock"/>).</summary>
    public static async Task<Campaign?> LockCampaignAsync(CampaignsDbContext db, Guid campaignId, CancellationToken cancellationToken)
    {
        await db.LockCampaignRowAsync(campaignId, cancellationToken);
        return await db.Campaigns.FirstOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
    }
}
