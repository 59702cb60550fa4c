using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moatown.Contracts.Signing;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Campaigns;

/// <summary>Rules of counting-rules.md that depend on what the organizer sends: headers, areas, the group rule; and electronic events that arrive twice or wrong.</summary>
[Collection(SystemCollection.Name)]
public sealed class CountingThroughHttpTests(SystemFixture system)
{
    /// <summary>
    /// Korean headers and values. 0.3 of 0.3 + 0.1 + 0.2 m² is exactly one half, which floating
    /// point gets wrong (0.3 / 0.6000000000000001 &lt; 0.5); 3 of 5 owners is exactly 60 %.
    /// </summary>
    private const string KoreanRoll = """
        물건번호,구분,지번,면적,성명,생년월일,지분,소유구분
        L-1,토지,상봉동 1,0.3,가나다,1970-01-01,1,개인
        L-2,토지,상봉동 2,0.1,라마바,1971-01-01,1,개인
        L-3,토지,상봉동 3,0.2,사아자,1972-01-01,1,개인
        B-1,건축물,상봉동 1,,차카타,1973-01-01,1,개인
        B-2,건축물,상봉동 2,,파하가,1974-01-01,1,개인
        """;

    [Fact]
    public async Task A_rate_exactly_at_the_threshold_meets_it_with_decimal_areas_and_korean_headers()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateOpenCampaignAsync("exactly at threshold", KoreanRoll);
        var holders = await client.HoldersByMaskedNameAsync(campaignId);

        foreach (var (name, reference) in new[] { ("가*다", "k-1"), ("차*타", "k-2"), ("파*가", "k-3") })
        {
            (await client.PaperAsync(campaignId, "consents", new { holderId = holders[name], reference })).EnsureSuccessStatusCode();
        }
        var atThreshold = await client.TallyAsync(campaignId);
        (await client.PaperAsync(campaignId, "withdrawals", new { holderId = holders["파*가"], reference = "k-4" })).EnsureSuccessStatusCode();
        var below = await client.TallyAsync(campaignId);

        Assert.Equal(0.6m, atThreshold.GetProperty("owners").GetProperty("rate").GetDecimal());
        Assert.True(atThreshold.GetProperty("owners").GetProperty("met").GetBoolean());
        Assert.Equal(0.5m, atThreshold.GetProperty("landArea").GetProperty("rate").GetDecimal());
        Assert.Equal(0.6m, atThreshold.GetProperty("landArea").GetProperty("totalM2").GetDecimal());
        Assert.True(atThreshold.GetProperty("landArea").GetProperty("met").GetBoolean());
        Assert.True(atThreshold.GetProperty("thresholdMet").GetBoolean());
        Assert.False(below.GetProperty("owners").GetProperty("met").GetBoolean());
        Assert.False(below.GetProperty("thresholdMet").GetBoolean());
    }

    [Theory]
    [InlineData("majority-of-shares", true)]
    [InlineData("all-holders", false)]
    public async Task A_group_without_a_representative_consents_by_the_campaigns_group_rule(string groupRule, bool l4Consents)
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateOpenCampaignAsync($"group rule {groupRule}", counting: new { groupRule });
        var holders = await client.HoldersByMaskedNameAsync(campaignId);

        // Two of the three co-owners of L-4, with 1/3 each.
        (await client.PaperAsync(campaignId, "consents", new { holderId = holders["최*진"], reference = "g-1" })).EnsureSuccessStatusCode();
        (await client.PaperAsync(campaignId, "consents", new { holderId = holders["정*은"], reference = "g-2" })).EnsureSuccessStatusCode();

        var tally = await client.TallyAsync(campaignId);
        Assert.Equal(l4Consents ? 1 : 0, tally.GetProperty("owners").GetProperty("consented").GetInt32());
        Assert.Equal(l4Consents ? 400m : 0m, tally.GetProperty("landArea").GetProperty("consentedM2").GetDecimal());
        var owners = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/owners?holderId={holders["최*진"]}");
        Assert.Equal(l4Consents, Assert.Single(owners.GetProperty("owners").EnumerateArray()).GetProperty("consents").GetBoolean());
    }

    [Fact]
    public async Task A_signing_event_delivered_twice_or_sent_twice_counts_once()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateOpenCampaignAsync("delivered twice");
        var holderId = (await client.HoldersByMaskedNameAsync(campaignId))["김*준"];
        var bus = system.Campaigns.Services.GetRequiredService<IBus>();
        var signed = new ConsentSigned(Guid.NewGuid(), campaignId, holderId, DateTimeOffset.UtcNow, "sha256:" + new string('c', 64));
        var messageId = NewId.NextGuid();

        await bus.Publish(signed, context => context.MessageId = messageId);
        await bus.Publish(signed, context => context.MessageId = messageId); // redelivered
        await bus.Publish(signed); // the same consent again under a new message id
        var marker = new ConsentSigned(Guid.NewGuid(), campaignId, (await client.HoldersByMaskedNameAsync(campaignId))["임*아"], DateTimeOffset.UtcNow, "sha256:" + new string('d', 64));
        await bus.Publish(marker);
        await Eventually.HoldsAsync(async () => await system.QueryCampaignsAsync(db =>
            db.Ledger.AnyAsync(e => e.CampaignId == campaignId && e.Reference == marker.ConsentId.ToString())), TimeSpan.FromSeconds(30),
            "the last event is recorded");
        await Task.Delay(TimeSpan.FromSeconds(1)); // the duplicates were published first; give stragglers a moment

        var entries = await system.QueryCampaignsAsync(db => db.Ledger.CountAsync(e => e.CampaignId == campaignId && e.HolderId == holderId));
        Assert.Equal(1, entries);
        Assert.Equal(2, (await client.TallyAsync(campaignId)).GetProperty("owners").GetProperty("consented").GetInt32());
    }

    [Fact]
    public async Task A_signing_event_the_ledger_refuses_waits_in_the_error_queue()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateOpenCampaignAsync("refused event");
        var bus = system.Campaigns.Services.GetRequiredService<IBus>();
        var messageId = NewId.NextGuid();

        // A holder this campaign never had.
        await bus.Publish(new ConsentSigned(Guid.NewGuid(), campaignId, Guid.NewGuid(), DateTimeOffset.UtcNow, "sha256:" + new string('e', 64)),
            context => context.MessageId = messageId);

        await using var connection = await system.Broker.ConnectAsync();
        var found = false;
        await Eventually.HoldsAsync(async () =>
        {
            // A channel per look: asking for a queue that does not exist yet closes the channel.
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                // Other tests' refused events may wait here too; look through them, return them unacknowledged.
                for (var dead = await channel.BasicGetAsync("consent-events_error", autoAck: false); dead is not null;
                     dead = await channel.BasicGetAsync("consent-events_error", autoAck: false))
                {
                    if (dead.BasicProperties.MessageId == messageId.ToString())
                    {
                        await channel.BasicAckAsync(dead.DeliveryTag, multiple: false);
                        found = true;
                        break;
                    }
                }
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
            {
                // The error queue does not exist yet.
            }
            return found;
        }, TimeSpan.FromSeconds(60), "the refused event is in the error queue");
        Assert.Equal(0, await system.QueryCampaignsAsync(db => db.Ledger.CountAsync(e => e.CampaignId == campaignId)));
    }
}
