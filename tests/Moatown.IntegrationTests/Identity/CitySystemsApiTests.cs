using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Identity;

/// <summary>A provider admin registers another city's system; it reads its district's public events and nothing else.</summary>
[Collection(SystemCollection.Name)]
public sealed class CitySystemsApiTests(SystemFixture system)
{
    [Fact]
    public async Task A_registered_city_system_gets_a_district_bound_token_for_campaigns_only_until_it_is_removed()
    {
        using var admin = await system.ClientAsync(system.Identity, Scopes.Identity);
        var clientId = $"city-permits-{Guid.NewGuid():N}"[..24];

        using var created = await admin.PostAsJsonAsync("/api/identity/city-systems", new { clientId, displayName = "중랑구 인허가", district = "중랑구" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var secret = body.GetProperty("clientSecret").GetString()!;
        Assert.Equal("중랑구", body.GetProperty("client").GetProperty("district").GetString());

        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/identity/city-systems");
        Assert.Contains(listed.EnumerateArray(), c => c.GetProperty("clientId").GetString() == clientId);
        Assert.DoesNotContain(listed.EnumerateArray(), c => c.GetProperty("clientId").GetString() == "moatown-dev");

        // Its token: the campaigns audience, the city-system role and its district; no other scope is granted.
        using var events = await system.ClientAsync(system.Campaigns, Scopes.Campaigns, clientId, secret);
        using (var backfill = await events.GetAsync("/api/campaigns/events"))
        {
            Assert.Equal(HttpStatusCode.OK, backfill.StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await events.GetAsync("/api/campaigns/")).StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => system.TokenAsync(Scopes.Documents, clientId, secret));

        using (var removed = await admin.DeleteAsync($"/api/identity/city-systems/{clientId}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }
        using var token = system.Identity.CreateClient();
        using var refused = await token.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = Scopes.Campaigns,
        }));
        Assert.False(refused.IsSuccessStatusCode);

        var trail = await (await AuditorAsync()).GetFromJsonAsync<JsonElement>("/api/identity/audit?limit=1000");
        Assert.Contains(trail.GetProperty("records").EnumerateArray(), r => r.GetProperty("action").GetString() == "city-system.created"
            && r.GetProperty("resource").GetString() == $"client/{clientId}");
        Assert.Contains(trail.GetProperty("records").EnumerateArray(), r => r.GetProperty("action").GetString() == "city-system.deleted");
    }

    [Fact]
    public async Task Bad_registrations_are_problems_and_other_clients_cannot_be_removed_here()
    {
        using var admin = await system.ClientAsync(system.Identity, Scopes.Identity);

        using var bad = await admin.PostAsJsonAsync("/api/identity/city-systems", new { clientId = "Permits!", district = "" });
        var problem = await bad.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("clientId", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("district", out _));

        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/identity/city-systems/moatown-dev")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/api/identity/city-systems/moatown-web")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/identity/audit/verification")).StatusCode);

        var organizerSecret = await system.RegisterClientAsync("city-systems-organizer", [Roles.Organizer], [Scopes.Identity]);
        using var organizer = await system.ClientAsync(system.Identity, Scopes.Identity, "city-systems-organizer", organizerSecret);
        Assert.Equal(HttpStatusCode.Forbidden, (await organizer.PostAsJsonAsync("/api/identity/city-systems",
            new { clientId = "city-sneaky", district = "중랑구" })).StatusCode);
    }

    private async Task<HttpClient> AuditorAsync()
    {
        var secret = await system.RegisterClientAsync("city-systems-auditor", [Roles.Auditor], [Scopes.Identity]);
        return await system.ClientAsync(system.Identity, Scopes.Identity, "city-systems-auditor", secret);
    }
}
