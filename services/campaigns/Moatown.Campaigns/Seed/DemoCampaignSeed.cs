using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.Ledger;
using Moatown.Campaigns.PublicEvents;
using Moatown.Campaigns.Model;
using Moatown.Campaigns.Registry;
using Moatown.Campaigns.Rolls;
using Moatown.Contracts.Campaigns;
using Moatown.ServiceDefaults.Messaging;

namespace Moatown.Campaigns.Seed;

/// <summary>
/// Development only: on an empty database, an open demo campaign on the sample roll with the
/// consents of the worked example (counting-rules.md), so that a newcomer's first
/// <c>./moatown up</c> shows a real tally. Runs after the migration, once.
/// </summary>
public sealed class DemoCampaignSeed(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<DemoCampaignSeed> logger) : IHostedService
{
    public const string SectionName = "Campaigns:DemoCampaign";

    /// <summary>The worked example's consenting holders, by the roll's own identity of them.</summary>
    private static readonly HolderKey[] ConsentingHolders =
    [
        HolderKey.OfPerson("김민준", new(1980, 1, 1)), HolderKey.OfPerson("이서연", new(1975, 5, 5)),
        HolderKey.OfPerson("최유진", new(1990, 9, 9)), HolderKey.OfPerson("정하은", new(1988, 8, 8)),
        HolderKey.OfPerson("장지호", new(1979, 7, 7)), HolderKey.OfPerson("한예준", new(1983, 2, 2)),
        HolderKey.OfPerson("임수아", new(1966, 6, 6)), HolderKey.OfAuthority("중랑구"),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var organizer = configuration[$"{SectionName}:Organizer"];
        if (!configuration.GetValue<bool>($"{SectionName}:Enabled") || string.IsNullOrEmpty(organizer))
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CampaignsDbContext>();
        if (await db.Campaigns.AnyAsync(cancellationToken))
        {
            return;
        }

        var now = time.GetUtcNow();
        var campaign = new Campaign
        {
            Id = Guid.CreateVersion7(now),
            Name = "중화동 모아타운 (데모)",
            OrganizerId = organizer,
            Area = new CampaignArea("중화동 모아타운", "중랑구", "서울특별시 중랑구 중화동 일대"),
            ConsentForm = new ConsentFormSettings(
                "모아타운 관리계획 수립 동의서",
                "본인은 중화동 모아타운 관리계획의 수립 및 소규모주택정비사업의 추진에 동의합니다.",
                ["사업의 개요", "정비사업비의 분담 기준", "사업 완료 후 소유권의 귀속"]),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Campaigns.Add(campaign);
        db.Enqueue(new CampaignCreated(campaign.Id, campaign.Name, now, campaign.OrganizerId, campaign.Area.District), now);
        await db.SaveChangesAsync(cancellationToken);

        await using var sample = typeof(DemoCampaignSeed).Assembly.GetManifestResourceStream("Moatown.Campaigns.Seed.registry-sample.csv")
            ?? throw new InvalidOperationException("The sample roll is not embedded.");
        using var buffer = new MemoryStream();
        await sample.CopyToAsync(buffer, cancellationToken);
        var parsed = RollParser.Parse(buffer.ToArray());
        await scope.ServiceProvider.GetRequiredService<RollImporter>().ImportAsync(campaign,
            parsed.Roll ?? throw new InvalidOperationException("The sample roll does not parse."), organizer, cancellationToken);

        db.ChangeTracker.Clear();
        var opened = await db.Campaigns.SingleAsync(c => c.Id == campaign.Id, cancellationToken);
        opened.Status = CampaignStatus.Open;
        opened.OpenedAt = now;
        db.Enqueue(new CampaignOpened(opened.Id, opened.Area.District, now), now);
        db.AppendPublic(opened, new Moatown.Contracts.Public.V1.CampaignOpened(opened.Id, opened.Area.District, now), now);
        await db.SaveChangesAsync(cancellationToken);

        var ledger = scope.ServiceProvider.GetRequiredService<ConsentLedger>();
        var protector = scope.ServiceProvider.GetRequiredService<ServiceDefaults.PersonalData.PersonalDataProtector>();
        var reference = 0;
        foreach (var key in ConsentingHolders)
        {
            var index = protector.BlindIndex(key.Value, PersonalDataPurposes.HolderKey);
            var holderId = await db.Holders.Where(h => h.CampaignId == campaign.Id && h.KeyIndex == index).Select(h => h.Id).SingleAsync(cancellationToken);
            await ledger.RecordAsync(new LedgerRequest(campaign.Id, holderId, LedgerAction.Consent, LedgerSource.Paper, time.GetUtcNow(),
                $"demo-{++reference:D4}", null, organizer), cancellationToken);
        }
        logger.LogInformation("Seeded the demo campaign {CampaignId} with the sample roll", campaign.Id);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
