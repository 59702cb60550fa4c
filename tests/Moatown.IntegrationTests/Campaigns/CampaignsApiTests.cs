using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Campaigns;

[Collection(SystemCollection.Name)]
public sealed class CampaignsApiTests(SystemFixture system)
{
    [Fact]
    public async Task A_created_campaign_can_be_read_back_and_is_listed()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);

        var id = await campaigns.CreateCampaignAsync("  중곡동 모아타운  ");
        var campaign = await campaigns.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}");
        var list = await campaigns.GetFromJsonAsync<JsonElement>("/api/campaigns");

        Assert.Equal("중곡동 모아타운", campaign.GetProperty("name").GetString());
        Assert.Equal("draft", campaign.GetProperty("status").GetString());
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task An_organizer_sees_only_their_own_campaigns()
    {
        var secretA = await system.RegisterClientAsync("organizer-a", [Roles.Organizer], [Scopes.Campaigns]);
        var secretB = await system.RegisterClientAsync("organizer-b", [Roles.Organizer], [Scopes.Campaigns]);
        using var organizerA = await system.ClientAsync(system.Campaigns, Scopes.Campaigns, "organizer-a", secretA);
        using var organizerB = await system.ClientAsync(system.Campaigns, Scopes.Campaigns, "organizer-b", secretB);

        // The owner comes from the token: a body claiming another organizer is ignored.
        using var created = await organizerA.PostAsJsonAsync("/api/campaigns", new { name = "A's campaign", district = "중랑구", areaName = "A 구역", organizerId = "organizer-b" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await organizerA.GetAsync($"/api/campaigns/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await organizerB.GetAsync($"/api/campaigns/{id}")).StatusCode);
        var listOfB = await organizerB.GetFromJsonAsync<JsonElement>("/api/campaigns");
        Assert.DoesNotContain(listOfB.EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task A_role_without_campaign_rights_is_forbidden()
    {
        var secret = await system.RegisterClientAsync("auditor-1", [Roles.Auditor], [Scopes.Campaigns]);
        using var auditor = await system.ClientAsync(system.Campaigns, Scopes.Campaigns, "auditor-1", secret);

        using var response = await auditor.PostAsJsonAsync("/api/campaigns", new { name = "not allowed" });

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task No_token_is_unauthorized()
    {
        using var anonymous = system.Campaigns.CreateClient();

        using var response = await anonymous.GetAsync("/api/campaigns");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_for_another_service_is_refused()
    {
        // Same issuer, valid signature, live: but its audience is the identity API, not campaigns.
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Identity);

        using var response = await campaigns.GetAsync("/api/campaigns");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_tampered_token_is_refused()
    {
        using var campaigns = system.Campaigns.CreateClient();
        var token = await system.TokenAsync(Scopes.Campaigns);
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlDecode(parts[1])).Replace("provider-admin", "organizer!", StringComparison.Ordinal);
        var forged = $"{parts[0]}.{Convert.ToBase64String(Encoding.UTF8.GetBytes(payload)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}.{parts[2]}";
        campaigns.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        using var response = await campaigns.GetAsync("/api/campaigns");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Malformed_json_is_a_bad_request_and_stores_nothing()
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var before = await CountAsync();

        using var response = await campaigns.PostAsync("/api/campaigns", new StringContent("{\"name\": ", Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task A_campaign_without_a_name_is_refused_with_the_field_named(string? name)
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var before = await CountAsync();

        using var response = await campaigns.PostAsJsonAsync("/api/campaigns", new { name });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
        Assert.Equal(before, await CountAsync());
    }

    private Task<(int Campaigns, int Events)> CountAsync() =>
        system.QueryCampaignsAsync(async db => (await db.Campaigns.CountAsync(), await db.OutboxMessages.CountAsync()));

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain("   at ", problem.GetRawText(), StringComparison.Ordinal);
        return problem;
    }

    private static byte[] Base64UrlDecode(string value)
    {
        var padded = value.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '='));
    }
}
