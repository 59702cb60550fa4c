using System.Net;
using System.Net.Http.Json;
using Moatown.Identity.Data;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Identity;

/// <summary>
/// The throttles at the product's own limits, on an identity host of their own (the shared one
/// serves every test from one address): 3 codes per number and 20 requests per client address in
/// 15 minutes.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ResidentThrottleTests(SystemFixture system) : IAsyncLifetime
{
    private ServiceFactory<IdentityDbContext> _identity = null!;

    public Task InitializeAsync()
    {
        _identity = system.CreateIdentity("identity_throttles");
        _ = _identity.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _identity.DisposeAsync();

    [Fact]
    public async Task A_phone_number_gets_at_most_three_codes_in_the_window_whoever_asks()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        using var notifications = await system.ClientAsync(system.Notifications, Scopes.Notifications);
        var campaignId = await campaigns.CreateOpenCampaignAsync("번호 제한");
        var minjun = (await campaigns.HoldersByMaskedNameAsync(campaignId))["김*준"];
        var token = await campaigns.InviteAndReadLinkTokenAsync(notifications, campaignId, minjun);

        for (var i = 0; i < 3; i++)
        {
            using var client = ClientAt($"203.0.113.{10 + i}");
            Assert.Equal(HttpStatusCode.Created, (await client.StartFromLinkAsync(token)).StatusCode);
        }
        using var fourth = await ClientAt("203.0.113.20").StartFromLinkAsync(token);
        var problem = await fourth.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("throttled", problem.GetProperty("reason").GetString());
        Assert.True(fourth.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        // The entry page counts the typed number the same way.
        using var entry = await ClientAt("203.0.113.21").StartFromEntryAsync(campaignId, "김민준", "1980-01-01", "010-0000-0001");
        Assert.Equal("throttled", (await entry.AssertProblemAsync(HttpStatusCode.TooManyRequests)).GetProperty("reason").GetString());

        await notifications.ReadTextAsync(campaignId, minjun, "verification-code.v2", count: 3);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(3, (await notifications.MessagesAsync(campaignId, minjun, "verification-code.v2")).Length);
    }

    [Fact]
    public async Task A_client_address_gets_twenty_requests_in_the_window_and_others_are_unaffected()
    {
        using var noisy = ClientAt("198.51.100.7");
        for (var i = 0; i < 20; i++)
        {
            await (await noisy.StartFromLinkAsync($"guess{i:D40}")).AssertProblemAsync(HttpStatusCode.NotFound);
        }
        var throttled = await (await noisy.StartFromLinkAsync("guess-twenty-one-000000000000000000000000")).AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("throttled", throttled.GetProperty("reason").GetString());
        Assert.Contains("분 뒤에", throttled.GetProperty("residentMessage").GetString());

        using var other = ClientAt("198.51.100.8");
        var problem = await (await other.StartFromLinkAsync("guess-from-elsewhere-0000000000000000000")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("unknown", problem.GetProperty("reason").GetString());
    }

    /// <summary>A client as the gateway forwards it: its address in X-Forwarded-For.</summary>
    private HttpClient ClientAt(string address)
    {
        var client = _identity.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }
}
