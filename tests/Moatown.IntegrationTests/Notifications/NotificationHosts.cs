using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.Notifications.Data;
using Moatown.Notifications.Model;
using Moatown.Notifications.Sending;
using Npgsql;

namespace Moatown.IntegrationTests.Notifications;

public static class NotificationHosts
{
    /// <summary>
    /// A notifications host of its own for one test, on its own database. Its bus is not started: the
    /// shared host alone consumes the registry's events, so other tests still find them there.
    /// </summary>
    public static ServiceFactory<NotificationsDbContext> CreateIsolatedNotifications(this SystemFixture system, string database,
        Dictionary<string, string?> extra, CapturedLogs? logs = null) =>
        system.CreateNotifications(database, extra, builder =>
        {
            builder.ConfigureServices(services => services.RemoveMassTransitHostedService());
            if (logs is not null)
            {
                builder.ConfigureLogging(logging => logging.AddProvider(logs).AddFilter<CapturedLogs>(null, LogLevel.Trace));
            }
        });

    public static async Task<QueuedMessage> QueueAsync(this ServiceFactory<NotificationsDbContext> host, OutgoingMessageRequest request)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutgoingMessages>().QueueAsync(request, CancellationToken.None);
    }

    /// <summary>
    /// What <c>CampaignCreated</c> would have told the host of a campaign no test created through
    /// campaigns: its organizer (the development client by default), who alone reads its delivery status.
    /// </summary>
    public static async Task KnowCampaignAsync(this ServiceFactory<NotificationsDbContext> host, Guid campaignId, string organizer = "moatown-dev")
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        db.KnownCampaigns.Add(new KnownCampaign
        {
            CampaignId = campaignId, Name = "면목동 모아타운 1구역", Organizer = organizer,
            CreatedAt = DateTimeOffset.UtcNow, LearnedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    public static async Task<OutgoingMessage> MessageAsync(this ServiceFactory<NotificationsDbContext> host, Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        return await db.OutgoingMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public static async Task<OutgoingMessage> WaitForAsync(this ServiceFactory<NotificationsDbContext> host, Guid id,
        Func<OutgoingMessage, bool> condition, string because, TimeSpan? timeout = null)
    {
        OutgoingMessage? message = null;
        await Eventually.HoldsAsync(async () => condition(message = await host.MessageAsync(id)), timeout ?? TimeSpan.FromSeconds(30), because);
        return message!;
    }

    /// <summary>Every row of the given tables as PostgreSQL prints it: what someone with the database alone would see.</summary>
    public static async Task<string> RawTablesAsync(this SystemFixture system, string database, params string[] tables)
    {
        await using var connection = new NpgsqlConnection(system.Postgres.ConnectionString(database));
        await connection.OpenAsync();
        var text = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            await using var command = new NpgsqlCommand($"SELECT t::text FROM {table} t", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                text.AppendLine(reader.GetString(0));
            }
        }
        return text.ToString();
    }

    public static OutgoingMessageRequest Code(string key, string phone, string code, Guid? campaignId = null) => new(
        key, campaignId ?? Guid.NewGuid(), Guid.NewGuid(), "verification-code.v1", phone,
        new Dictionary<string, string> { ["code"] = code, ["minutes"] = "3" });

    public static OutgoingMessageRequest Invitation(string key, string phone, string link, Guid? campaignId = null, Guid? holderId = null) => new(
        key, campaignId ?? Guid.NewGuid(), holderId ?? Guid.NewGuid(), "invitation.v1", phone,
        new Dictionary<string, string> { ["campaignName"] = "면목동 모아타운 1구역", ["link"] = link });
}
