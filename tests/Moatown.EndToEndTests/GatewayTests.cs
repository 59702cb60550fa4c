using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Moatown.EndToEndTests;

[Collection(SystemCollection.Name)]
public sealed class GatewayTests(SystemUnderTest system)
{
    [Fact]
    public async Task The_gateway_reports_healthy()
    {
        using var response = await system.Gateway.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_campaign_created_through_the_gateway_reaches_notifications()
    {
        using var campaigns = await system.AuthorizedGatewayAsync("campaigns");
        using var notifications = await system.AuthorizedGatewayAsync("notifications");

        using var created = await campaigns.PostAsJsonAsync("/api/campaigns", new { name = "사당동 모아타운", district = "동작구", areaName = "사당동 모아타운" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        HttpStatusCode status;
        do
        {
            await Task.Delay(250);
            using var known = await notifications.GetAsync($"/api/notifications/campaigns/{id}");
            status = known.StatusCode;
        }
        while (status == HttpStatusCode.NotFound && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem()
    {
        // Services' internal endpoints are not routed at all, with or without a token.
        using var campaigns = await system.AuthorizedGatewayAsync("campaigns");
        using var internalCall = await campaigns.GetAsync($"/internal/campaigns/invitations/{Guid.NewGuid()}/delivery");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, internalCall.StatusCode);

        using var response = await system.Gateway.GetAsync("/api/no-such-service/anything");

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_request_without_a_token_is_a_401_problem()
    {
        using var response = await system.Gateway.GetAsync("/api/campaigns");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_for_one_service_does_not_open_another()
    {
        using var campaignsOnly = await system.AuthorizedGatewayAsync("campaigns");

        using var response = await campaignsOnly.GetAsync($"/api/notifications/campaigns/{Guid.NewGuid()}");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        using var campaigns = await system.AuthorizedGatewayAsync("campaigns");

        using var response = await campaigns.PostAsync("/api/campaigns", new StringContent("{\"name\":", Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_oversized_body_is_a_413_problem()
    {
        using var campaigns = await system.AuthorizedGatewayAsync("campaigns");
        var huge = new string('x', 20 * 1024 * 1024);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/campaigns")
        {
            Content = new StringContent($"{{\"name\":\"{huge}\"}}", Encoding.UTF8, "application/json"),
        };
        // As upload clients do: announce the body and wait, so the refusal can be read before
        // 20 MB are pushed at a server that already said no.
        request.Headers.ExpectContinue = true;

        using var response = await campaigns.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task The_API_reference_lists_every_service()
    {
        using var page = await system.Gateway.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        foreach (var service in new[] { "identity", "campaigns", "signing", "documents", "notifications" })
        {
            using var document = await system.Gateway.GetAsync($"/openapi/{service}.json");
            Assert.Equal(HttpStatusCode.OK, document.StatusCode);
            Assert.Contains("\"openapi\"", await document.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        using var response = await system.Gateway.GetAsync("/health");

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        // Never a stack trace, never an internal address.
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", body, StringComparison.Ordinal);
        Assert.DoesNotContain("localhost", body, StringComparison.Ordinal);
    }
}
