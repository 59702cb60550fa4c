using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Moatown.EndToEndTests;

[Collection(SystemCollection.Name)]
public sealed class InvitationThroughGatewayTests(SystemUnderTest system)
{
    [Fact]
    public async Task An_organizer_invites_an_owner_and_the_text_with_a_personal_link_is_in_the_sink()
    {
        using var campaigns = await system.AuthorizedGatewayAsync("campaigns");
        using var notifications = await system.AuthorizedGatewayAsync("notifications");
        using var created = await campaigns.PostAsJsonAsync("/api/campaigns", new
        {
            name = "상봉동 모아타운",
            district = "중랑구",
            areaName = "상봉동 모아타운",
            consentForm = new { title = "동의서", body = "관리계획 수립에 동의합니다.", statutoryItems = new[] { "사업의 개요" } },
        });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var csv = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "registry-sample.csv"));
        (await campaigns.PutAsync($"/api/campaigns/{id}/roll", new StringContent(csv, Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
        (await campaigns.PostAsync($"/api/campaigns/{id}/open", null)).EnsureSuccessStatusCode();
        var holders = await campaigns.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/holders");
        var minjun = holders.EnumerateArray().Single(h => h.GetProperty("name").GetString() == "김*준").GetProperty("holderId").GetGuid();

        using var invited = await campaigns.PostAsJsonAsync($"/api/campaigns/{id}/invitations", new { holderIds = new[] { minjun } });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);

        // Campaigns → broker → notifications → (its own token) campaigns' internal delivery → sink.
        JsonElement message = default;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (message.ValueKind != JsonValueKind.Object && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            var outbox = await notifications.GetFromJsonAsync<JsonElement>("/api/notifications/outbox?take=200");
            message = outbox.EnumerateArray().FirstOrDefault(m => m.GetProperty("text").GetString()!.Contains("상봉동 모아타운", StringComparison.Ordinal));
        }
        Assert.True(message.ValueKind == JsonValueKind.Object, "the invitation's text reached the sink within a minute");
        Assert.Contains("http://localhost:8080/i/", message.GetProperty("text").GetString());
        Assert.Equal("010-****-0001", message.GetProperty("phone").GetString());
    }
}
