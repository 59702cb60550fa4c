using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moatown.Contracts.Signing;
using Moatown.IntegrationTests.Infrastructure;

namespace Moatown.IntegrationTests.PublicEvents;

/// <summary>A message its consumer cannot take waits in the error queue, visible, until it is replayed or discarded.</summary>
[Collection(SystemCollection.Name)]
public sealed class DeadLetterTests(SystemFixture system)
{
    private const string ErrorQueue = "consent-events_error";

    [Fact]
    public async Task A_poison_message_lands_in_the_dead_letters_and_is_replayed_after_the_fault_is_fixed()
    {
        await using var host = await PublicEventHost.StartAsync(system, "campaigns_public_dead_letters");
        using var admin = await host.AdminAsync();
        // A draft campaign with a roll: the ledger refuses a consent until it opens.
        using var created = await admin.PostAsJsonAsync("/api/campaigns", new
        {
            name = "독 메시지", district = "중랑구", areaName = "독 메시지", consentForm = CampaignRequests.CompleteConsentForm,
        });
        var campaign = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        using (var roll = await admin.PutRollAsync(campaign, PublicEventHost.Roll(3))) { roll.EnsureSuccessStatusCode(); }
        var holder = (await admin.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaign}/holders"))[0].GetProperty("holderId").GetGuid();

        await host.ConsumersReadyAsync();
        var messageId = NewId.NextGuid();
        var consentId = Guid.NewGuid();
        await host.Campaigns.Services.GetRequiredService<IBus>().Publish(
            new ConsentSigned(consentId, campaign, holder, DateTimeOffset.UtcNow, "sha256:" + new string('a', 64)),
            context => context.MessageId = messageId);

        // After its retries it waits in the error queue, shown with its fault and without its body.
        JsonElement queue = default;
        await Eventually.HoldsAsync(async () =>
        {
            var list = await admin.GetFromJsonAsync<JsonElement>("/api/campaigns/dead-letters");
            queue = list.EnumerateArray().FirstOrDefault(q => q.GetProperty("queue").GetString() == ErrorQueue);
            return queue.ValueKind == JsonValueKind.Object && queue.GetProperty("messages").GetInt64() == 1;
        }, TimeSpan.FromSeconds(45), "the refused consent lands in the error queue");
        Assert.Equal("consent-events", queue.GetProperty("sourceQueue").GetString());
        var deadLetter = queue.GetProperty("peeked")[0];
        Assert.Equal(messageId.ToString(), deadLetter.GetProperty("messageId").GetString());
        var headers = deadLetter.GetProperty("headers");
        Assert.Contains("LedgerRefusedException", headers.GetProperty("MT-Fault-ExceptionType").GetString());
        Assert.Contains("CampaignNotOpen", headers.GetProperty("MT-Fault-Message").GetString());
        Assert.False(deadLetter.TryGetProperty("body", out _));
        // The body (the only place the document hash travels) is not shown.
        Assert.DoesNotContain(new string('a', 64), deadLetter.GetRawText());
        Assert.Equal(0, await host.QueryAsync(db => db.Ledger.CountAsync(e => e.CampaignId == campaign)));

        // The fault is fixed: the campaign opens. Replayed, the consent is counted once.
        using (var opened = await admin.PostAsync($"/api/campaigns/{campaign}/open", null)) { opened.EnsureSuccessStatusCode(); }
        using (var replay = await admin.PostAsync($"/api/campaigns/dead-letters/{ErrorQueue}/replay", null))
        {
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
            Assert.Equal(1, (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("messages").GetInt32());
        }
        await Eventually.HoldsAsync(async () => await host.QueryAsync(db => db.Ledger.AnyAsync(e => e.CampaignId == campaign && e.Reference == consentId.ToString())),
            TimeSpan.FromSeconds(30), "the replayed consent is in the ledger");
        // The management API's counts lag a few seconds behind the queue.
        await Eventually.HoldsAsync(async () => (await admin.GetFromJsonAsync<JsonElement>("/api/campaigns/dead-letters?peek=0")).EnumerateArray()
            .Single(q => q.GetProperty("queue").GetString() == ErrorQueue).GetProperty("messages").GetInt64() == 0,
            TimeSpan.FromSeconds(15), "the error queue is empty");
        // And the public event tells city systems, as for any electronic consent.
        var signed = await host.QueryAsync(db => db.PublicEvents.SingleAsync(e => e.CampaignId == campaign && e.Type == "consent-signed"));
        var cloudEvent = JsonDocument.Parse(signed.CloudEvent).RootElement;
        Assert.Equal("electronic", cloudEvent.GetProperty("data").GetProperty("source").GetString());
        PublicEventSchemas.AssertValid(cloudEvent);
    }

    [Fact]
    public async Task A_discarded_dead_letter_is_gone_and_an_unknown_queue_is_not_found()
    {
        await using var host = await PublicEventHost.StartAsync(system, "campaigns_public_discard");
        using var admin = await host.AdminAsync();
        await host.ConsumersReadyAsync();
        // A consent for a campaign that does not exist can never be counted.
        await host.Campaigns.Services.GetRequiredService<IBus>().Publish(
            new ConsentSigned(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow, "sha256:" + new string('b', 64)));
        await Eventually.HoldsAsync(async () => (await admin.GetFromJsonAsync<JsonElement>("/api/campaigns/dead-letters?peek=0")).EnumerateArray()
            .Any(q => q.GetProperty("queue").GetString() == ErrorQueue && q.GetProperty("messages").GetInt64() == 1),
            TimeSpan.FromSeconds(45), "the message lands in the error queue");

        using (var discard = await admin.PostAsync($"/api/campaigns/dead-letters/{ErrorQueue}/discard", null))
        {
            Assert.Equal(HttpStatusCode.OK, discard.StatusCode);
        }
        await Eventually.HoldsAsync(async () => (await admin.GetFromJsonAsync<JsonElement>("/api/campaigns/dead-letters?peek=0")).EnumerateArray()
            .Single(q => q.GetProperty("queue").GetString() == ErrorQueue).GetProperty("messages").GetInt64() == 0,
            TimeSpan.FromSeconds(15), "the error queue is empty");
        using var unknown = await admin.PostAsync("/api/campaigns/dead-letters/consent-events/replay", null);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
