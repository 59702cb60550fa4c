using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Authentication;

/// <summary>One service calling another with its own client-credentials token, as the notifications service will call campaigns.</summary>
[Collection(SystemCollection.Name)]
public sealed class ServiceTokensTests(SystemFixture system)
{
    [Fact]
    public async Task A_service_calls_another_with_its_own_token_asked_for_once()
    {
        using var staff = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await staff.CreateOpenCampaignAsync("service call");
        var minjun = (await staff.HoldersByMaskedNameAsync(campaignId))["김*준"];
        using var issued = await staff.PostAsJsonAsync($"/api/campaigns/{campaignId}/invitations", new { holderIds = new[] { minjun } });
        var invitationId = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("issued")[0].GetProperty("invitationId").GetGuid();

        var tokenRequests = new CountingHandler(system.Identity.Server.CreateHandler());
        var tokens = new ServiceTokens(new HttpClient(tokenRequests) { BaseAddress = system.Identity.Server.BaseAddress },
            Options.Create(new ServiceClientOptions { Id = ServiceClients.Notifications, Secret = SystemFixture.NotificationsClientSecret }), TimeProvider.System);
        using var campaigns = new HttpClient(new ServiceTokenHandler(tokens, Scopes.Campaigns) { InnerHandler = system.Campaigns.Server.CreateHandler() })
        {
            BaseAddress = system.Campaigns.Server.BaseAddress,
        };

        using var first = await campaigns.GetAsync($"/internal/campaigns/invitations/{invitationId}/delivery");
        using var second = await campaigns.GetAsync($"/internal/campaigns/invitations/{invitationId}/delivery");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(1, tokenRequests.Requests);
    }

    [Fact]
    public async Task A_wrong_secret_gets_no_token_and_says_for_which_scope()
    {
        var tokens = new ServiceTokens(new HttpClient(system.Identity.Server.CreateHandler()) { BaseAddress = system.Identity.Server.BaseAddress },
            Options.Create(new ServiceClientOptions { Id = ServiceClients.Notifications, Secret = "not-the-secret" }), TimeProvider.System);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => tokens.GetAsync(Scopes.Campaigns, CancellationToken.None));

        Assert.Contains("campaigns", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", refused.Message, StringComparison.Ordinal);
    }

    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public int Requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Requests);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
