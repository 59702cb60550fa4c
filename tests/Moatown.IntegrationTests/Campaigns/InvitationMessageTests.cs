using System.Net.Http.Json;
using System.Text.Json;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Campaigns;

/// <summary>From the organizer's invitation to the text message a resident would get, across the broker and a service-to-service call.</summary>
[Collection(SystemCollection.Name)]
public sealed class InvitationMessageTests(SystemFixture system)
{
    [Fact]
    public async Task An_invited_owner_gets_a_text_with_their_own_link()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        using var notifications = await system.ClientAsync(system.Notifications, Scopes.Notifications);
        var campaignId = await campaigns.CreateOpenCampaignAsync("초대 문자");
        var minjun = (await campaigns.HoldersByMaskedNameAsync(campaignId))["김*준"];

        using var issued = await campaigns.PostAsJsonAsync($"/api/campaigns/{campaignId}/invitations", new { holderIds = new[] { minjun } });
        issued.EnsureSuccessStatusCode();

        JsonElement message = default;
        await Eventually.HoldsAsync(async () =>
        {
            var outbox = await notifications.GetFromJsonAsync<JsonElement>("/api/notifications/outbox?take=200");
            message = outbox.EnumerateArray().FirstOrDefault(m => m.GetProperty("text").GetString()!.Contains("초대 문자", StringComparison.Ordinal));
            return message.ValueKind == JsonValueKind.Object;
        }, TimeSpan.FromSeconds(30), "the invitation's text is in the sink");

        var text = message.GetProperty("text").GetString()!;
        Assert.StartsWith("[모아타운 전자동의] 초대 문자 주민제안 동의서 작성을 요청드립니다.", text);
        Assert.Contains(SystemFixture.InvitationLinkBase + "/", text);
        Assert.Equal("010-****-0001", message.GetProperty("phone").GetString());
        Assert.Equal("invitation.v1", message.GetProperty("template").GetString());
        var statuses = await notifications.GetFromJsonAsync<JsonElement>($"/api/notifications/campaigns/{campaignId}/messages?holderId={minjun}");
        Assert.Single(statuses.EnumerateArray());
    }

    [Fact]
    public async Task An_organizer_reads_the_delivery_status_of_their_own_owners_and_not_of_another_organizers()
    {
        var secret = await system.RegisterClientAsync("delivery-organizer", [Roles.Organizer], [Scopes.Campaigns, Scopes.Notifications]);
        var otherSecret = await system.RegisterClientAsync("delivery-organizer-other", [Roles.Organizer], [Scopes.Notifications]);
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns, "delivery-organizer", secret);
        using var organizer = await system.ClientAsync(system.Notifications, Scopes.Notifications, "delivery-organizer", secret);
        using var other = await system.ClientAsync(system.Notifications, Scopes.Notifications, "delivery-organizer-other", otherSecret);
        var campaignId = await campaigns.CreateOpenCampaignAsync("발송 상태");
        var seoyeon = (await campaigns.HoldersByMaskedNameAsync(campaignId))["이*연"];

        (await campaigns.PostAsJsonAsync($"/api/campaigns/{campaignId}/invitations", new { holderIds = new[] { seoyeon } })).EnsureSuccessStatusCode();

        JsonElement statuses = default;
        await Eventually.HoldsAsync(async () =>
        {
            using var response = await organizer.GetAsync($"/api/notifications/campaigns/{campaignId}/messages?holderId={seoyeon}");
            if (!response.IsSuccessStatusCode)
            {
                return false; // notifications has not learned of the campaign yet
            }
            statuses = await response.Content.ReadFromJsonAsync<JsonElement>();
            return statuses.GetArrayLength() == 1 && statuses[0].GetProperty("status").GetString() == "delivered";
        }, TimeSpan.FromSeconds(30), "the organizer sees the invitation delivered");
        Assert.Equal("010-****-0002", statuses[0].GetProperty("phone").GetString());
        Assert.False(statuses[0].TryGetProperty("text", out _));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await other.GetAsync($"/api/notifications/campaigns/{campaignId}/messages")).StatusCode);
    }
}
