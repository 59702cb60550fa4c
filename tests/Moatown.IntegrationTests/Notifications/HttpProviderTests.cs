using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.Notifications.Data;
using Moatown.Notifications.Model;
using Moatown.ServiceDefaults.Authentication;
using static Moatown.IntegrationTests.Notifications.FakeSmsProvider;

namespace Moatown.IntegrationTests.Notifications;

/// <summary>
/// The generic HTTP provider against a fake gateway over real HTTP: sends, retries without sending
/// twice, fails visibly, takes delivery reports; and keeps numbers and texts out of the database and the logs.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class HttpProviderTests(SystemFixture system) : IAsyncLifetime
{
    private const string CallbackSecret = "integration-callback-secret";
    private const string Sender = "0212345678";
    private readonly CapturedLogs _logs = new();
    private FakeSmsProvider _provider = null!;
    private ServiceFactory<NotificationsDbContext> _host = null!;

    public async Task InitializeAsync()
    {
        _provider = await FakeSmsProvider.StartAsync();
        _host = system.CreateIsolatedNotifications("notifications_http", new()
        {
            ["Notifications:Sms:Provider"] = "http",
            ["Notifications:Sms:Url"] = _provider.Url.ToString(),
            ["Notifications:Sms:ApiKey"] = FakeSmsProvider.ApiKey,
            ["Notifications:Sms:Sender"] = Sender,
            ["Notifications:Sms:CallbackSecret"] = CallbackSecret,
            ["Notifications:Sms:Timeout"] = "00:00:01",
            ["Notifications:Sending:FirstBackoff"] = "00:00:00.300",
            ["Notifications:Sending:MaxAttempts"] = "3",
            ["Notifications:Sending:PollInterval"] = "00:00:00.200",
        }, _logs);
        _ = _host.Server;
    }

    [Fact]
    public async Task A_message_is_posted_with_the_key_sender_and_clientReference_and_a_callback_marks_it_delivered()
    {
        var key = $"verification:{Guid.NewGuid()}";
        var queued = await _host.QueueAsync(NotificationHosts.Code(key, "010-3141-5926", "535897"));
        var sent = await _host.WaitForAsync(queued.MessageId, m => m.Status == MessageStatus.Sent, "the provider accepted it");

        var request = Assert.Single(_provider.Requests, r => r.ClientReference == key);
        Assert.Equal(FakeSmsProvider.ApiKey, request.ApiKey);
        Assert.Equal(Sender, request.From);
        Assert.Equal("+821031415926", request.To);
        Assert.Equal("SMS", request.Type);
        Assert.Contains("[535897]", request.Text, StringComparison.Ordinal);
        Assert.Equal(_provider.Accepted[key], sent.ProviderMessageId);
        Assert.Equal("http", sent.Provider);

        using var callback = _host.CreateClient();
        callback.DefaultRequestHeaders.Add("X-Callback-Secret", CallbackSecret);
        using var reported = await callback.PostAsJsonAsync("/api/notifications/sms/callback",
            new { messageId = sent.ProviderMessageId, status = "delivered" });
        Assert.Equal(HttpStatusCode.NoContent, reported.StatusCode);
        var delivered = await _host.MessageAsync(queued.MessageId);
        Assert.Equal(MessageStatus.Delivered, delivered.Status);
        Assert.NotNull(delivered.DeliveredAt);

        // A repeated report changes nothing; an unknown id or a bad status is a problem, not a 500.
        Assert.Equal(HttpStatusCode.NoContent, (await callback.PostAsJsonAsync("/api/notifications/sms/callback",
            new { messageId = sent.ProviderMessageId, status = "failed" })).StatusCode);
        Assert.Equal(MessageStatus.Delivered, (await _host.MessageAsync(queued.MessageId)).Status);
        await (await callback.PostAsJsonAsync("/api/notifications/sms/callback", new { messageId = "no-such-id", status = "delivered" }))
            .AssertProblemAsync(HttpStatusCode.NotFound);
        await (await callback.PostAsJsonAsync("/api/notifications/sms/callback", new { messageId = sent.ProviderMessageId, status = "read" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_callback_with_a_wrong_or_missing_secret_is_refused_with_401_and_changes_nothing()
    {
        var queued = await _host.QueueAsync(NotificationHosts.Code($"verification:{Guid.NewGuid()}", "010-2718-2818", "284590"));
        var sent = await _host.WaitForAsync(queued.MessageId, m => m.Status == MessageStatus.Sent, "the provider accepted it");

        using var wrong = _host.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Callback-Secret", CallbackSecret + "x");
        await (await wrong.PostAsJsonAsync("/api/notifications/sms/callback", new { messageId = sent.ProviderMessageId, status = "delivered" }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);
        using var missing = _host.CreateClient();
        await (await missing.PostAsJsonAsync("/api/notifications/sms/callback", new { messageId = sent.ProviderMessageId, status = "delivered" }))
            .AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(MessageStatus.Sent, (await _host.MessageAsync(queued.MessageId)).Status);
    }

    [Fact]
    public async Task A_5xx_and_a_reply_too_slow_are_retried_with_the_same_clientReference_and_the_message_is_sent_once()
    {
        _provider.Then(Behaviour.ServerError, Behaviour.SlowAccept);
        var key = $"invitation:{Guid.NewGuid()}";
        var queued = await _host.QueueAsync(NotificationHosts.Invitation(key, "010-1618-0339", "https://moatown.example/i/golden"));

        var sent = await _host.WaitForAsync(queued.MessageId, m => m.Status == MessageStatus.Sent, "the third attempt got an answer");
        Assert.Equal(3, sent.Attempts);
        var requests = _provider.Requests.Where(r => r.ClientReference == key).ToList();
        // One POST per attempt (the HttpClient does not repeat a POST on its own) …
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal("LMS", r.Type));
        // … and the provider, seeing the slow attempt's clientReference again, sent nothing new.
        Assert.Equal(_provider.Accepted[key], sent.ProviderMessageId);
        Assert.Single(_provider.Accepted, a => a.Key == key);
    }

    [Fact]
    public async Task A_refusal_fails_at_once_and_a_provider_that_stays_down_fails_after_the_last_attempt_both_visible_to_the_organizer()
    {
        var campaignId = Guid.NewGuid();
        await _host.KnowCampaignAsync(campaignId);
        _provider.Then(Behaviour.Refuse);
        var refused = await _host.QueueAsync(NotificationHosts.Code($"verification:{Guid.NewGuid()}", "010-1414-2135", "623730", campaignId));
        var failed = await _host.WaitForAsync(refused.MessageId, m => m.Status == MessageStatus.Failed, "the refusal is final");
        Assert.Equal(1, failed.Attempts);
        Assert.Equal("provider answered 400", failed.LastError);

        _provider.Then(Behaviour.ServerError, Behaviour.ServerError, Behaviour.ServerError);
        var down = await _host.QueueAsync(NotificationHosts.Code($"verification:{Guid.NewGuid()}", "010-1732-0508", "075688", campaignId));
        var gaveUp = await _host.WaitForAsync(down.MessageId, m => m.Status == MessageStatus.Failed, "the last attempt failed");
        Assert.Equal(3, gaveUp.Attempts);
        Assert.NotNull(gaveUp.FailedAt);

        using var client = await system.ClientAsync(_host, Scopes.Notifications);
        var statuses = await client.GetFromJsonAsync<JsonElement>($"/api/notifications/campaigns/{campaignId}/messages");
        Assert.Equal(["failed", "failed"], statuses.EnumerateArray().Select(s => s.GetProperty("status").GetString()!).ToArray());
        // The outbox exists only for the local sink.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/notifications/outbox")).StatusCode);
    }

    [Fact]
    public async Task A_rejected_api_key_is_retried_because_an_operator_can_fix_it()
    {
        _provider.Then(Behaviour.KeyRejected);
        var queued = await _host.QueueAsync(NotificationHosts.Code($"verification:{Guid.NewGuid()}", "010-5772-1566", "490153"));
        var sent = await _host.WaitForAsync(queued.MessageId, m => m.Status == MessageStatus.Sent, "the second attempt got through");
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task Numbers_codes_and_links_appear_neither_in_the_database_nor_in_any_log_line()
    {
        const string code = "918273";
        const string token = "personal-link-token-5b8e2f";
        _provider.Then(Behaviour.ServerError);
        var codeMessage = await _host.QueueAsync(NotificationHosts.Code($"verification:{Guid.NewGuid()}", "010-8642-9753", code));
        var link = await _host.QueueAsync(NotificationHosts.Invitation($"invitation:{Guid.NewGuid()}", "010 7531 8642", $"https://moatown.example/i/{token}"));
        await _host.WaitForAsync(codeMessage.MessageId, m => m.Status == MessageStatus.Sent, "the code was sent after a retry");
        await _host.WaitForAsync(link.MessageId, m => m.Status == MessageStatus.Sent, "the invitation was sent");
        using var client = await system.ClientAsync(_host, Scopes.Notifications);
        var listed = Guid.NewGuid();
        await _host.KnowCampaignAsync(listed);
        (await client.GetAsync($"/api/notifications/campaigns/{listed}/messages")).EnsureSuccessStatusCode();

        var secrets = new[]
        {
            code, token, "86429753", "8642-9753", "8642 9753", "+821086429753", "01086429753",
            "75318642", "7531-8642", "7531 8642", "+821075318642", "주민제안 동의서", "인증번호",
            FakeSmsProvider.ApiKey,
        };
        var database = await system.RawTablesAsync("notifications_http", "outgoing_messages", "outbox_messages", "inbox_messages");
        Assert.Contains("pd1.", database, StringComparison.Ordinal);
        var logs = string.Join("\n", _logs.Lines);
        Assert.Contains(codeMessage.MessageId.ToString(), logs, StringComparison.Ordinal);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, database, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _provider.DisposeAsync();
    }
}
