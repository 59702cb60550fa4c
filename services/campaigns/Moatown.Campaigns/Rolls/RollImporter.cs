using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Counting;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.Ledger;
using Moatown.Campaigns.PublicEvents;
using V1 = Moatown.Contracts.Public.V1;
using Moatown.Campaigns.Model;
using Moatown.Campaigns.Registry;
using Moatown.Campaigns.Tallies;
using Moatown.Contracts.Campaigns;
using Moatown.ServiceDefaults.Messaging;
using Moatown.ServiceDefaults.PersonalData;
using Npgsql;

namespace Moatown.Campaigns.Rolls;

/// <summary>
/// Stores an accepted roll as a new version of a campaign's roll, all or nothing: holders keep
/// their ids across versions, personal data is encrypted before it reaches the database, and
/// the version is announced through the outbox in the same transaction.
/// </summary>
public sealed class RollImporter(CampaignsDbContext db, PersonalDataProtector protector, TimeProvider time)
{
    public async Task<RollImportOutcome> ImportAsync(Campaign campaign, Roll roll, string importedBy, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // One import per campaign at a time; a second one is told so instead of waiting.
            if (!await TryLockCampaignAsync(campaign.Id, cancellationToken))
            {
                return new RollImportOutcome(RollImportResult.Busy, roll.Version, 0, 0, 0, [], null, []);
            }

            // Ledger writes take turns with the import: deemed consents and sequence numbers stay in order.
            var locked = await TallyEvents.LockCampaignAsync(db, campaign.Id, cancellationToken)
                ?? throw new InvalidOperationException($"Campaign {campaign.Id} disappeared during its roll import.");
            var current = await db.RollVersions.FirstOrDefaultAsync(v => v.CampaignId == campaign.Id && v.IsCurrent, cancellationToken);
            var properties = roll.Rows.Select(r => r.PropertyId).Distinct(StringComparer.Ordinal).Count();
            var holderKeys = roll.Rows.Select(r => r.Holder).Distinct().ToList();
            if (current?.Version == roll.Version)
            {
                return new RollImportOutcome(RollImportResult.Unchanged, roll.Version, roll.Rows.Count, properties, holderKeys.Count, roll.Warnings, null, []);
            }

            var diff = current is null ? null : RollDiff.Between(await StoredRolls.LoadAsync(db, current.Id, protector, cancellationToken), roll);
            var now = time.GetUtcNow();
            var holderIds = await EnsureHoldersAsync(campaign.Id, holderKeys, now, cancellationToken);

            if (current is not null)
            {
                current.IsCurrent = false;
                await db.SaveChangesAsync(cancellationToken); // before the new current row: the unique index allows one
            }
            var version = new RollVersionRecord
            {
                Id = Guid.CreateVersion7(now),
                CampaignId = campaign.Id,
                Version = roll.Version,
                ImportedAt = now,
                ImportedBy = importedBy,
                Rows = roll.Rows.Count,
                Properties = properties,
                Holders = holderKeys.Count,
                Warnings = roll.Warnings.Count,
                IsCurrent = true,
            };
            db.RollVersions.Add(version);
            db.Enqueue(new RollVersionPublished(campaign.Id, roll.Version, properties, holderKeys.Count, now), now);
            db.AppendPublic(locked, new V1.RollVersionPublished(campaign.Id, roll.Version, properties, holderKeys.Count, now), now);
            var deemed = locked.Status == CampaignStatus.Open && current is not null
                ? await ApplyTransfersAsync(locked, current, roll, holderIds, importedBy, now, cancellationToken)
                : [];
            await db.SaveChangesAsync(cancellationToken);
            await TallyEvents.NotifyOnCommitAsync(db, campaign.Id, cancellationToken);

            // Encryption is most of the CPU an import costs: it runs on every core before the COPY.
            var entries = new RollEntry[roll.Rows.Count];
            var sealer = new RollFieldSealer(protector);
            Parallel.For(0, entries.Length, i => entries[i] = StoredRolls.ToEntry(roll.Rows[i], version.Id, holderIds[roll.Rows[i].Holder], sealer));
            await CopyEntriesAsync(entries, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new RollImportOutcome(RollImportResult.NewVersion, roll.Version, roll.Rows.Count, properties, holderKeys.Count, roll.Warnings, diff, deemed);
        });
    }

    /// <summary>
    /// Rule 16: new holders of units whose replaced holders all consented are deemed to consent,
    /// as ledger entries of this import. The tally's events compare the count on the previous
    /// roll with the count on the new one.
    /// </summary>
    private async Task<IReadOnlyList<DeemedConsentRecord>> ApplyTransfersAsync(
        Campaign campaign, RollVersionRecord previousVersion, Roll roll, Dictionary<HolderKey, Guid> holderIds, string importedBy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ledger = await CountLoader.LoadLedgerAsync(db, campaign.Id, 0, campaign.LedgerSequence, cancellationToken);
        var state = ConsentState.From(ledger.Select(CountLoader.ToAction));
        var rules = campaign.Counting.ToRules();
        var previous = await CountLoader.LoadRollAsync(db, previousVersion.Id, previousVersion.Version, protector, cancellationToken);
        var next = CountedRoll.Build(roll.Rows, roll.Rows.Select(r => CountingKeys.Of(holderIds[r.Holder])).ToArray(), roll.Version);
        var before = new ConsentCount(previous, state, rules).Tally(campaign.Id, now);

        var transfers = Transfers.Between(previous, next, state, now);
        var records = new List<DeemedConsentRecord>(transfers.Deemed.Count);
        foreach (var deemed in transfers.Deemed)
        {
            campaign.LedgerSequence++;
            var holderId = CountingKeys.HolderIdOf(deemed.Holder.Key);
            var entry = new LedgerEntry
            {
                CampaignId = campaign.Id,
                Sequence = campaign.LedgerSequence,
                HolderId = holderId,
                Action = LedgerAction.Consent,
                Source = LedgerSource.Deemed,
                At = now,
                RecordedAt = now,
                RecordedBy = importedBy,
                Reference = roll.Version,
            };
            db.Ledger.Add(entry);
            db.AppendLedgerEntry(campaign, entry, now);
            state.Apply(deemed.Action);
            records.Add(new DeemedConsentRecord(holderId, deemed.PropertyIds, deemed.Replaced.Select(r => CountingKeys.HolderIdOf(r.Key)).ToList()));
        }
        var after = new ConsentCount(next, state, rules).Tally(campaign.Id, now);
        TallyEvents.Publish(db, campaign, before, after, now);
        return records;
    }

    /// <summary>The PostgreSQL advisory lock key that serialises imports of one campaign.</summary>
    internal static long LockKey(Guid campaignId) =>
        BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"roll-import:{campaignId}")));

    private async Task<bool> TryLockCampaignAsync(Guid campaignId, CancellationToken cancellationToken)
    {
        var key = LockKey(campaignId);
        return await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({key}) AS \"Value\"")
            .SingleAsync(cancellationToken);
    }

    /// <summary>Existing holders keep their id; new ones get one.</summary>
    private async Task<Dictionary<HolderKey, Guid>> EnsureHoldersAsync(Guid campaignId, IReadOnlyList<HolderKey> keys, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var known = await db.Holders.AsNoTracking()
            .Where(h => h.CampaignId == campaignId)
            .ToDictionaryAsync(h => h.KeyIndex, h => h.Id, StringComparer.Ordinal, cancellationToken);
        var ids = new Dictionary<HolderKey, Guid>(keys.Count);
        var added = new List<Holder>();
        foreach (var key in keys)
        {
            var index = protector.BlindIndex(key.Value, PersonalDataPurposes.HolderKey);
            if (!known.TryGetValue(index, out var id))
            {
                id = Guid.NewGuid(); // random: a holder id must not reveal import order or time
                added.Add(new Holder { Id = id, CampaignId = campaignId, KeyIndex = index, FirstSeenAt = now });
            }
            ids[key] = id;
        }

        await CopyAsync("COPY holders (id, campaign_id, key_index, first_seen_at) FROM STDIN", added,
            (rows, holder) => rows.Add(holder.Id).Add(holder.CampaignId).Add(holder.KeyIndex).Add(holder.FirstSeenAt), cancellationToken);
        return ids;
    }

    /// <summary>COPY: a 100,000-row roll in one round of streaming instead of 100,000 inserts.</summary>
    private Task CopyEntriesAsync(IEnumerable<RollEntry> entries, CancellationToken cancellationToken) => CopyAsync(
        """
        COPY roll_entries (roll_version_id, holder_id, line, property_id, property_kind, lot_number, land_area_m2, share,
                           is_representative, owner_type, managing_authority, status, owner_id_protected,
                           owner_name_protected, birth_date_protected, phone_protected, address_protected,
                           person_index, contact_index)
        FROM STDIN
        """,
        entries,
        (rows, e) => rows.Add(e.RollVersionId).Add(e.HolderId).Add(e.Line).Add(e.PropertyId).Add(e.PropertyKind.ToString()).Add(e.LotNumber)
            .Add(e.LandAreaM2).Add(e.Share).Add(e.IsRepresentative).Add(e.OwnerType.ToString()).Add(e.ManagingAuthority)
            .Add(e.Status.ToString()).Add(e.OwnerIdProtected).Add(e.OwnerNameProtected).Add(e.BirthDateProtected)
            .Add(e.PhoneProtected).Add(e.AddressProtected).Add(e.PersonIndex).Add(e.ContactIndex),
        cancellationToken);

    /// <summary>Streams the rows in chunks of about a megabyte; the COPY ends when the writer is disposed.</summary>
    private async Task CopyAsync<T>(string command, IEnumerable<T> items, Action<CopyTextRows, T> addRow, CancellationToken cancellationToken)
    {
        const int ChunkChars = 1 << 20;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var writer = await connection.BeginTextImportAsync(command, cancellationToken);
        var rows = new CopyTextRows();
        foreach (var item in items)
        {
            addRow(rows, item);
            rows.EndRow();
            if (rows.Length >= ChunkChars)
            {
                await writer.WriteAsync(rows.Take().AsMemory(), cancellationToken);
            }
        }
        await writer.WriteAsync(rows.Take().AsMemory(), cancellationToken);
    }
}
