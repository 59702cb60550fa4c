using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Moatown.IntegrationTests.Infrastructure;

/// <summary>What a resident does, as HTTP calls: read a text message in the sink, open a link, ask for a code, type it.</summary>
public static partial class ResidentFlows
{
    public const string Verifications = "/api/identity/resident-verifications";

    /// <summary>Invites one holder and returns the token of the personal link in the text message they got.</summary>
    public static async Task<string> InviteAndReadLinkTokenAsync(this HttpClient campaigns, HttpClient notifications, Guid campaignId, Guid holderId)
    {
        using var issued = await campaigns.PostAsJsonAsync($"/api/campaigns/{campaignId}/invitations", new { holderIds = new[] { holderId } });
        Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync());
        var text = await notifications.ReadTextAsync(campaignId, holderId, "invitation.v1");
        var link = LinkPattern().Match(text);
        Assert.True(link.Success, "the text carries a personal link");
        return link.Groups[1].Value;
    }

    /// <summary>The six digits of the newest verification-code text to the holder, waiting for it to arrive.</summary>
    public static async Task<string> ReadCodeAsync(this HttpClient notifications, Guid campaignId, Guid holderId)
    {
        var text = await notifications.ReadTextAsync(campaignId, holderId, "verification-code.v2");
        var code = CodePattern().Match(text);
        Assert.True(code.Success, "the text carries a 6-digit code");
        return code.Groups[1].Value;
    }

    /// <summary>The newest message of a template to a holder in the sink; waits until one is there.</summary>
    public static async Task<string> ReadTextAsync(this HttpClient notifications, Guid campaignId, Guid holderId, string template, int count = 1)
    {
        JsonElement[] found = [];
        await Eventually.HoldsAsync(async () =>
        {
            found = await notifications.MessagesAsync(campaignId, holderId, template);
            return found.Length >= count;
        }, TimeSpan.FromSeconds(30), $"{count} {template} message(s) reach the sink");
        return found[0].GetProperty("text").GetString()!;
    }

    /// <summary>Every sink message of a template to a holder, newest first.</summary>
    public static async Task<JsonElement[]> MessagesAsync(this HttpClient notifications, Guid campaignId, Guid holderId, string template)
    {
        var outbox = await notifications.GetFromJsonAsync<JsonElement>("/api/notifications/outbox?take=200");
        return outbox.EnumerateArray()
            .Where(m => m.GetProperty("campaignId").GetGuid() == campaignId && m.GetProperty("holderId").GetGuid() == holderId
                && m.GetProperty("template").GetString() == template)
            .OrderByDescending(m => m.GetProperty("queuedAt").GetDateTimeOffset())
            .ToArray();
    }

    public static Task<HttpResponseMessage> StartFromLinkAsync(this HttpClient identity, string token) =>
        identity.PostAsJsonAsync($"{Verifications}/link", new { token });

    public static Task<HttpResponseMessage> StartFromEntryAsync(this HttpClient identity, Guid campaignId, string name, string birthDate, string phone) =>
        identity.PostAsJsonAsync($"{Verifications}/entry", new { campaignId, name, birthDate, phone });

    public static Task<HttpResponseMessage> SendCodeAsync(this HttpClient identity, Guid challengeId, string code) =>
        identity.PostAsJsonAsync($"{Verifications}/{challengeId}/code", new { code });

    public static async Task<Guid> ChallengeIdAsync(this HttpResponseMessage started)
    {
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
        return (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("challengeId").GetGuid();
    }

    /// <summary>A signer token for the holder, the way a resident gets one: invited, link opened, code from the sink typed.</summary>
    public static async Task<string> SignerTokenAsync(this SystemFixture system, HttpClient campaigns, Guid campaignId, Guid holderId)
    {
        using var notifications = await system.ClientAsync(system.Notifications, Moatown.ServiceDefaults.Authentication.Scopes.Notifications);
        using var identity = system.Identity.CreateClient();
        var token = await campaigns.InviteAndReadLinkTokenAsync(notifications, campaignId, holderId);
        var challengeId = await (await identity.StartFromLinkAsync(token)).ChallengeIdAsync();
        using var verified = await identity.SendCodeAsync(challengeId, await notifications.ReadCodeAsync(campaignId, holderId));
        Assert.True(verified.IsSuccessStatusCode, await verified.Content.ReadAsStringAsync());
        return (await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("signerToken").GetString()!;
    }

    /// <summary>The claims of a JWT, read without checking it (the services that accept it check it).</summary>
    public static JsonWebToken Claims(string jwt) => new(jwt);

    [GeneratedRegex(@"/i/([A-Za-z0-9_\-]+)")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"\[(\d{6})\]")]
    private static partial Regex CodePattern();
}
