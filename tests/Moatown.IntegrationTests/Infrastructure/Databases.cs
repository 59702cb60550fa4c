using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using Moatown.Campaigns.Data;
using Moatown.Contracts.Campaigns;
using Moatown.Notifications.Data;

namespace Moatown.IntegrationTests.Infrastructure;

/// <summary>Reads a service's own database the way an auditor would: directly, after the fact.</summary>
public static class Databases
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<T> QueryIdentityAsync<T>(this SystemFixture system, Func<Moatown.Identity.Data.IdentityDbContext, Task<T>> query,
        ServiceFactory<Moatown.Identity.Data.IdentityDbContext>? identity = null)
    {
        await using var scope = (identity ?? system.Identity).Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<Moatown.Identity.Data.IdentityDbContext>());
    }

    public static async Task<T> QueryDocumentsAsync<T>(this SystemFixture system, Func<Moatown.Documents.Data.DocumentsDbContext, Task<T>> query)
    {
        await using var scope = system.Documents.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<Moatown.Documents.Data.DocumentsDbContext>());
    }

    public static async Task<T> QueryCampaignsAsync<T>(this SystemFixture system, Func<CampaignsDbContext, Task<T>> query,
        ServiceFactory<CampaignsDbContext>? campaigns = null)
    {
        await using var scope = (campaigns ?? system.Campaigns).Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CampaignsDbContext>());
    }

    public static async Task<T> QueryNotificationsAsync<T>(this SystemFixture system, Func<NotificationsDbContext, Task<T>> query)
    {
        await using var scope = system.Notifications.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>());
    }

    /// <summary>How many times notifications recorded each of these campaigns, and handled their events.</summary>
    public static async Task<(int Known, int InboxEntries)> NotificationsRecordOfAsync(this SystemFixture system, IReadOnlyCollection<Guid> campaignIds,
        ServiceFactory<CampaignsDbContext>? campaigns = null)
    {
        var outbox = await system.QueryCampaignsAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.MessageType == typeof(CampaignCreated).FullName)
            .ToListAsync(), campaigns);
        var ids = outbox
            .Where(m => campaignIds.Contains(JsonSerializer.Deserialize<CampaignCreated>(m.Payload, Json)!.CampaignId))
            .Select(m => m.Id)
            .ToList();
        return await system.QueryNotificationsAsync(async db => (
            await db.KnownCampaigns.CountAsync(c => campaignIds.Contains(c.CampaignId)),
            await db.InboxMessages.CountAsync(m => ids.Contains(m.MessageId))));
    }
}
