using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;
using Moatown.Signing.Data;

namespace Moatown.IntegrationTests.Signing;

/// <summary>What the signing service refuses before anything is stored: bad drawings and requests, unread forms, staff tokens.</summary>
[Collection(SystemCollection.Name)]
public sealed class SigningRefusalTests(SystemFixture system)
{
    private static readonly string FormHash = new('a', 64);

    [Fact]
    public async Task An_empty_drawing_missing_items_a_bad_hash_and_a_short_key_are_validation_problems_and_nothing_is_stored()
    {
        using var signing = await SignerClientAsync("서명 검증");
        var before = await ConsentCountAsync();

        var empty = await (await signing.PostAsJsonAsync("/api/signing/consents", new
        {
            idempotencyKey = "short",
            formSha256 = "not-a-hash",
            agreedItems = Array.Empty<int>(),
            signature = new { strokes = new[] { new[] { new { x = 1, y = 1 } } }, width = 300, height = 150 },
        })).AssertProblemAsync(HttpStatusCode.BadRequest);
        var errors = empty.GetProperty("errors");
        foreach (var field in new[] { "idempotencyKey", "formSha256", "agreedItems", "signature" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"{field} is named");
        }

        var notPng = await (await signing.PostAsJsonAsync("/api/signing/consents", new
        {
            idempotencyKey = Guid.NewGuid().ToString(), formSha256 = FormHash, agreedItems = new[] { 1 },
            signature = new { png = Convert.ToBase64String("GIF89a-not-a-png"u8.ToArray()) },
        })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("PNG", notPng.GetProperty("errors").GetProperty("signature")[0].GetString());

        var outside = await (await signing.PostAsJsonAsync("/api/signing/consents", new
        {
            idempotencyKey = Guid.NewGuid().ToString(), formSha256 = FormHash, agreedItems = new[] { 1 },
            signature = new { strokes = new[] { new[] { new { x = 10, y = 10 }, new { x = 900, y = 10 } } }, width = 300, height = 150 },
        })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(outside.GetProperty("errors").TryGetProperty("signature", out _));

        Assert.Equal(before, await ConsentCountAsync());
    }

    [Fact]
    public async Task A_signature_for_a_form_the_holder_was_not_shown_is_refused_and_a_withdrawal_needs_a_consent()
    {
        using var signing = await SignerClientAsync("읽지 않은 동의서");
        var before = await ConsentCountAsync();
        var request = new
        {
            idempotencyKey = Guid.NewGuid().ToString(), formSha256 = FormHash, agreedItems = new[] { 1, 2 },
            signature = new { strokes = new[] { new[] { new { x = 10, y = 10 }, new { x = 90, y = 40 } } }, width = 300, height = 150 },
        };

        var unread = await (await signing.PostAsJsonAsync("/api/signing/consents", request)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("form-not-reviewed", unread.GetProperty("reason").GetString());
        Assert.Contains("동의서를 다시 열어", unread.GetProperty("detail").GetString());
        var nothing = await (await signing.PostAsJsonAsync("/api/signing/withdrawals", request)).AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("nothing-to-withdraw", nothing.GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await signing.GetAsync($"/api/signing/consents/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(before, await ConsentCountAsync());
    }

    [Fact]
    public async Task Staff_tokens_and_no_token_cannot_sign()
    {
        using var staff = await system.ClientAsync(system.Signing, Scopes.Signing);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.PostAsJsonAsync("/api/signing/consents", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/signing/form")).StatusCode);
        using var anonymous = system.Signing.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/signing/withdrawals", new { })).StatusCode);
        // Internal: only the documents service may read a submission.
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/internal/signing/consents/{Guid.NewGuid()}/submission")).StatusCode);
    }

    private async Task<HttpClient> SignerClientAsync(string campaignName)
    {
        using var campaigns = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await campaigns.CreateOpenCampaignAsync(campaignName);
        var minjun = (await campaigns.HoldersByMaskedNameAsync(campaignId))["김*준"];
        var client = system.Signing.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await system.SignerTokenAsync(campaigns, campaignId, minjun));
        return client;
    }

    private async Task<int> ConsentCountAsync()
    {
        await using var scope = system.Signing.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SigningDbContext>().Consents.CountAsync();
    }
}
