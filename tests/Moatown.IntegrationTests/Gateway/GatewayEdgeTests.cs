using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Moatown.Gateway;
using Moatown.IntegrationTests.Infrastructure;

namespace Moatown.IntegrationTests.Gateway;

/// <summary>
/// The gateway's own behaviour at the edge. Its identity destination points at a closed port,
/// so every proxied request also shows what a caller sees when a service is down.
/// </summary>
public sealed class GatewayEdgeTests : IClassFixture<GatewayEdgeTests.Edge>
{
    private readonly Edge _edge;

    public GatewayEdgeTests(Edge edge) => _edge = edge;

    [Fact]
    public async Task Anonymous_routes_are_rate_limited_per_client_and_a_spoofed_address_does_not_reset_the_budget()
    {
        using var client = _edge.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < Edge.AnonymousLimit + 1; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/.well-known/openid-configuration");
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i}");
            var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(Edge.AnonymousLimit));
        Assert.NotNull(limited);
        Assert.True(limited.Headers.RetryAfter is not null, "a refused caller is told when to come back");
        await AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_service_that_is_down_is_a_problem_without_internal_addresses()
    {
        using var client = _edge.CreateClient();

        using var response = await client.GetAsync("/api/identity/me");

        Assert.True(response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable, $"got {response.StatusCode}");
        var body = await AssertProblemAsync(response, response.StatusCode);
        Assert.DoesNotContain("127.0.0.1", body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        using var client = _edge.CreateClient();

        using var response = await client.GetAsync("/api/no/such/route");

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.True(response.Headers.Contains("Content-Security-Policy") || response.Content.Headers.Contains("Content-Security-Policy"));
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public sealed class Edge : WebApplicationFactory<GatewayOptions>
    {
        public const int AnonymousLimit = 3;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.CaptureLogsToFile("gateway");
            builder.UseSetting("Gateway:RateLimits:Anonymous:PermitLimit", AnonymousLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            // Port 9 (discard) is closed here: the destination refuses connections.
            builder.UseSetting("services:identity:http:0", "http://127.0.0.1:9");
        }
    }
}
