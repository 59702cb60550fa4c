using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Counting;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.Model;
using Moatown.Campaigns.Registry;
using Moatown.Campaigns.Rolls;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.Campaigns.Tallies;

/// <summary>Reads a stored roll version and a campaign's ledger into the counting engine's terms.</summary>
internal static class CountLoader
{
    /// <summary>
    /// The roll as the count sees it: holders keyed by holderId, named by their masked name (the
    /// names appear only in explanations, and the caller's role decides no more than masked yet).
    /// Phones, addresses, birth dates and the roll's owner ids are not read at all.
    /// </summary>
    public static async Task<CountedRoll> LoadRollAsync(CampaignsDbContext db, Guid rollVersionId, string version, PersonalDataProtector protector, CancellationToken cancellationToken)
    {
        var entries = await db.RollEntries.AsNoTracking()
            .Where(e => e.RollVersionId == rollVersionId)
            .OrderBy(e => e.Line).ThenBy(e => e.Id)
            .Select(e => new
            {
                e.Line, e.HolderId, e.PropertyId, e.PropertyKind, e.LotNumber, e.LandAreaM2, e.Share,
                e.IsRepresentative, e.OwnerType, e.ManagingAuthority, e.Status, e.OwnerNameProtected,
            })
            .ToListAsync(cancellationToken);

        var names = new Dictionary<Guid, string>();
        var rows = new RollRow[entries.Count];
        var keys = new HolderKey[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (!names.TryGetValue(e.HolderId, out var name))
            {
                var plain = protector.Unprotect(e.OwnerNameProtected, PersonalDataPurposes.Name);
                names.Add(e.HolderId, name = e.OwnerType == OwnerType.Person ? PersonalDataMasking.Name(plain) : plain);
            }
            rows[i] = new RollRow
            {
                Line = e.Line,
                PropertyId = e.PropertyId,
                PropertyKind = e.PropertyKind,
                LotNumber = e.LotNumber,
                LandAreaM2 = e.LandAreaM2,
                OwnerName = name,
                Share = StoredRolls.ParseShare(e.Share),
                IsRepresentative = e.IsRepresentative,
                OwnerType = e.OwnerType,
                ManagingAuthority = e.ManagingAuthority,
                Status = e.Status,
            };
            keys[i] = CountingKeys.Of(e.HolderId);
        }
        return CountedRoll.Build(rows, keys, version);
    }

    /// <summary>The ledger entries after <paramref name="afterSequence"/> up to <paramref name="upToSequence"/>, in order.</summary>
    public static async Task<List<LedgerEntry>> LoadLedgerAsync(CampaignsDbContext db, Guid campaignId, long afterSequence, long upToSequence, CancellationToken cancellationToken) =>
        await db.Ledger.AsNoTracking()
            .Where(e => e.CampaignId == campaignId && e.Sequence > afterSequence && e.Sequence <= upToSequence)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);

    public static ConsentAction ToAction(LedgerEntry entry) => CountingKeys.ToAction(entry.HolderId, entry.Action, entry.Source, entry.At);
}
