using Moatown.Campaigns.Data;
using Moatown.Campaigns.Model;
using Moatown.Contracts.Public;
using V1 = Moatown.Contracts.Public.V1;

namespace Moatown.Campaigns.PublicEvents;

/// <summary>
/// Appends public events for city systems to <c>public_events</c>, saved by the caller's next
/// SaveChanges in the caller's transaction. The caller holds the campaign row's lock (every writer of
/// a campaign takes it first), so the campaign's sequence has no gaps and commits in order.
/// </summary>
public static class PublicEventLog
{
    public static PublicEventRecord AppendPublic(this CampaignsDbContext db, Campaign campaign, object data, DateTimeOffset now)
    {
        var type = PublicEventTypes.Of(data.GetType());
        campaign.PublicEventSequence++;
        var id = Guid.CreateVersion7(now);
        var record = new PublicEventRecord
        {
            Id = id,
            CampaignId = campaign.Id,
            Sequence = campaign.PublicEventSequence,
            Type = type.Name,
            Major = type.Major,
            District = campaign.Area.District,
            DistrictCode = DistrictCodes.Of(campaign.Area.District),
            OccurredAt = now,
            CloudEvent = CloudEventJson.Write(id, type, campaign.Id, campaign.Area.District, campaign.PublicEventSequence, now, data),
        };
        db.PublicEvents.Add(record);
        return record;
    }

    /// <summary>The public face of one ledger entry: a consent or a withdrawal, with its source.</summary>
    public static void AppendLedgerEntry(this CampaignsDbContext db, Campaign campaign, LedgerEntry entry, DateTimeOffset now)
    {
        var source = entry.Source switch
        {
            LedgerSource.Electronic => "electronic",
            LedgerSource.Paper => "paper",
            _ => "deemed",
        };
        object data = entry.Action == LedgerAction.Consent
            ? new V1.ConsentSigned(entry.CampaignId, entry.HolderId, source, entry.Sequence, entry.At, entry.RecordedAt, entry.DocumentHash)
            : new V1.ConsentWithdrawn(entry.CampaignId, entry.HolderId, source, entry.Sequence, entry.At, entry.RecordedAt, entry.DocumentHash);
        db.AppendPublic(campaign, data, now);
    }
}
