using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Moatown.EndToEndTests;

[Collection(SystemCollection.Name)]
public sealed class RollImportThroughGatewayTests(SystemUnderTest system)
{
    [Fact]
    public async Task An_organizer_uploads_the_sample_roll_through_the_gateway_and_sees_masked_holders()
    {
        using var campaigns = await system.AuthorizedGatewayAsync("campaigns");
        using var created = await campaigns.PostAsJsonAsync("/api/campaigns", new { name = "중화동 모아타운", district = "중랑구", areaName = "중화동 모아타운" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var csv = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Samples", "registry-sample.csv"));

        using var imported = await campaigns.PutAsync($"/api/campaigns/{id}/roll", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var holders = await campaigns.GetFromJsonAsync<JsonElement>($"/api/campaigns/{id}/holders");
        Assert.Equal(14, holders.GetArrayLength());
        Assert.DoesNotContain("김민준", holders.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_roll_larger_than_the_other_routes_allow_still_reaches_the_import()
    {
        using var campaigns = await system.AuthorizedGatewayAsync("campaigns");
        using var created = await campaigns.PostAsJsonAsync("/api/campaigns", new { name = "큰 명부", district = "중랑구", areaName = "큰 구역" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // 12 MB: above the gateway's 10 MB default, below the roll route's 50 MB. Not a valid roll,
        // so the service answers 400 with located errors, which proves the body got through.
        var body = "property_id,nonsense\n" + string.Concat(Enumerable.Repeat("x,y\n", 3 * 1024 * 1024));

        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/campaigns/{id}/roll")
        {
            Content = new StringContent(body, Encoding.UTF8, "text/csv"),
        };
        request.Headers.ExpectContinue = true; // a refusal would be readable, not a reset connection

        using var response = await campaigns.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("errors", out _));
    }
}
