using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.Notifications.Model;
using Moatown.Notifications.Templates;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Notifications;

/// <summary>The Development provider: queued messages are "sent" into the sink and read back through the outbox API.</summary>
[Collection(SystemCollection.Name)]
public sealed class LocalSinkTests(SystemFixture system)
{
    [Fact]
    public async Task A_queued_invitation_is_delivered_to_the_sink_and_readable_in_the_outbox_with_its_text()
    {
        var campaignId = Guid.NewGuid();
        var holderId = Guid.NewGuid();
        var link = $"https://moatown.example/i/{Guid.NewGuid():N}";
        // The delivery status is the campaign's organizer's: here the development client.
        await system.Notifications.KnowCampaignAsync(campaignId);
        var queued = await system.Notifications.QueueAsync(
            NotificationHosts.Invitation($"invitation:{Guid.NewGuid()}", "010-2345-6789", link, campaignId, holderId));
        Assert.True(queued.Queued);

        var message = await system.Notifications.WaitForAsync(queued.MessageId, m => m.Status == MessageStatus.Delivered, "the sink delivered it");
        Assert.Equal(LocalSinkProviderName, message.Provider);
        Assert.Equal(1, message.Attempts);
        Assert.Equal(MessageKind.Lms, message.Kind);
        Assert.NotNull(message.SentAt);
        Assert.NotNull(message.DeliveredAt);

        using var client = await system.ClientAsync(system.Notifications, Scopes.Notifications);
        var outbox = await client.GetFromJsonAsync<JsonElement>("/api/notifications/outbox?take=200");
        var mine = outbox.EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == queued.MessageId);
        Assert.Equal($"[모아타운 전자동의] 면목동 모아타운 1구역 주민제안 동의서 작성을 요청드립니다. 본인 전용 링크이니 다른 사람에게 전달하지 마세요. {link}",
            mine.GetProperty("text").GetString());
        Assert.Equal("010-****-6789", mine.GetProperty("phone").GetString());
        Assert.Equal("invitation.v1", mine.GetProperty("template").GetString());
        Assert.Equal("delivered", mine.GetProperty("status").GetString());

        var statuses = await client.GetFromJsonAsync<JsonElement>($"/api/notifications/campaigns/{campaignId}/messages?holderId={holderId}");
        var status = Assert.Single(statuses.EnumerateArray());
        Assert.Equal("delivered", status.GetProperty("status").GetString());
        Assert.Equal("010-****-6789", status.GetProperty("phone").GetString());
        Assert.False(status.TryGetProperty("text", out _));
    }

    private const string LocalSinkProviderName = "local";

    [Fact]
    public async Task The_same_idempotency_key_queues_one_message()
    {
        var key = $"verification:{Guid.NewGuid()}";
        var first = await system.Notifications.QueueAsync(NotificationHosts.Code(key, "01034567890", "481516"));
        var again = await system.Notifications.QueueAsync(NotificationHosts.Code(key, "01034567890", "481516"));
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            system.Notifications.QueueAsync(NotificationHosts.Code(key, "01034567890", "481516"))));

        Assert.True(first.Queued);
        Assert.False(again.Queued);
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.All(concurrent, c => Assert.Equal(first.MessageId, c.MessageId));
        Assert.Equal(1, await system.QueryNotificationsAsync(db =>
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.OutgoingMessages, m => m.IdempotencyKey == key)));
    }

    [Fact]
    public async Task Queueing_refuses_a_missing_placeholder_an_unknown_template_and_a_number_that_is_not_a_mobile()
    {
        var missing = NotificationHosts.Code($"k:{Guid.NewGuid()}", "01034567890", "123456") with
        {
            Values = new Dictionary<string, string> { ["code"] = "123456" },
        };
        await Assert.ThrowsAsync<TemplateRenderException>(() => system.Notifications.QueueAsync(missing));
        await Assert.ThrowsAsync<TemplateRenderException>(() => system.Notifications.QueueAsync(
            NotificationHosts.Code($"k:{Guid.NewGuid()}", "01034567890", "123456") with { Template = "verification-code.v9" }));
        await Assert.ThrowsAsync<ArgumentException>(() => system.Notifications.QueueAsync(
            NotificationHosts.Code($"k:{Guid.NewGuid()}", "02-123-4567", "123456")));
    }

    [Fact]
    public async Task The_outbox_page_shows_the_text_escaped()
    {
        var link = $"https://moatown.example/i/<script>{Guid.NewGuid():N}";
        var queued = await system.Notifications.QueueAsync(NotificationHosts.Invitation($"invitation:{Guid.NewGuid()}", "01045678901", link));
        await system.Notifications.WaitForAsync(queued.MessageId, m => m.Status == MessageStatus.Delivered, "the sink delivered it");

        using var client = await system.ClientAsync(system.Notifications, Scopes.Notifications);
        using var response = await client.GetAsync("/api/notifications/outbox/page");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("010-****-8901", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_outbox_is_for_provider_admins_only_and_refuses_a_bad_take()
    {
        var secret = await system.RegisterClientAsync("notifications-organizer", [Roles.Organizer], [Scopes.Notifications]);
        using var organizer = await system.ClientAsync(system.Notifications, Scopes.Notifications, "notifications-organizer", secret);
        Assert.Equal(HttpStatusCode.Forbidden, (await organizer.GetAsync("/api/notifications/outbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await organizer.GetAsync("/api/notifications/outbox/page")).StatusCode);
        // Delivery status is theirs to read only for their own campaigns.
        Assert.Equal(HttpStatusCode.NotFound, (await organizer.GetAsync($"/api/notifications/campaigns/{Guid.NewGuid()}/messages")).StatusCode);
        using var anonymous = system.Notifications.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/notifications/outbox")).StatusCode);

        using var admin = await system.ClientAsync(system.Notifications, Scopes.Notifications);
        var problem = await (await admin.GetAsync("/api/notifications/outbox?take=0")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("take", out _));
    }
}
