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
}
