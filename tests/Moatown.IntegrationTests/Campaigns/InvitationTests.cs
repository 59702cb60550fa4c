using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moatown.Contracts.Campaigns;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.IntegrationTests.Campaigns;

/// <summary>Personal links: who gets one, resending, reminders, and what is stored of the secret.</summary>
[Collection(SystemCollection.Name)]
public sealed class InvitationTests(SystemFixture system)
{
    // The sample roll's holders with a phone number.
    private static readonly string[] WithPhone = ["김*준", "이*연", "박*훈", "최*진", "정*은", "임*아", "장*호", "한*준"];

    [Fact]
    public async Task Everyone_with_a_phone_number_is_invited_and_the_others_are_named()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateOpenCampaignAsync("invite all");
        var holders = await client.HoldersByMaskedNameAsync(campaignId);

        using var response = await client.PostAsJsonAsync($"/api/campaigns/{campaignId}/invitations", new { });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(WithPhone.Select(n => holders[n]).Order(), body.GetProperty("issued").EnumerateArray().Select(i => i.GetProperty("holderId").GetGuid()).Order());
        Assert.Equal(holders.Count - WithPhone.Length, body.GetProperty("withoutPhone").GetArrayLength());
        Assert.All(body.GetProperty("issued").EnumerateArray(), i => Assert.Equal("active", i.GetProperty("status").GetString()));
        // The events carry ids only.
        var events = await system.QueryCampaignsAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.MessageType == typeof(InvitationIssued).FullName).Select(m => m.Payload).ToListAsync());
        var ours = events.Where(p => p.Contains(campaignId.ToString(), StringComparison.Ordinal)).ToList();
        Assert.Equal(WithPhone.Length, ours.Count);
        Assert.All(ours, p => Assert.DoesNotContain("+8210", p, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_resent_link_replaces_the_old_one_and_the_secret_is_kept_only_hashed_and_encrypted()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateOpenCampaignAsync("resend");
        var minjun = (await client.HoldersByMaskedNameAsync(campaignId))["김*준"];

        (await client.PostAsJsonAsync($"/api/campaigns/{campaignId}/invitations", new { holderIds = new[] { minjun } })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"/api/campaigns/{campaignId}/invitations", new { holderIds = new[] { minjun } })).EnsureSuccessStatusCode();
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/invitations?holderId={minjun}");

        Assert.Equal(["active", "replaced"], list.EnumerateArray().Select(i => i.GetProperty("status").GetString()));
        Assert.DoesNotContain("token", list.GetRawText(), StringComparison.OrdinalIgnoreCase);
        var stored = await system.QueryCampaignsAsync(db => db.Invitations.AsNoTracking().Where(i => i.CampaignId == campaignId).ToListAsync());
        var protector = system.Campaigns.Services.GetRequiredService<PersonalDataProtector>();
        Assert.All(stored, invitation =>
        {
            var token = protector.Unprotect(invitation.TokenProtected, "invitation.token");
            Assert.True(token.Length >= 43, "256 random bits");
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token))), invitation.TokenHash);
            Assert.DoesNotContain(token, invitation.TokenProtected, StringComparison.Ordinal);
        });
        Assert.NotEqual(stored[0].TokenHash, stored[1].TokenHash);
    }

    [Fact]
    public async Task A_reminder_skips_those_who_consent_now()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateOpenCampaignAsync("reminder");
        var holders = await client.HoldersByMaskedNameAsync(campaignId);
        (await client.PaperAsync(campaignId, "consents", new { holderId = holders["임*아"], reference = "r-1" })).EnsureSuccessStatusCode();

        using var response = await client.PostAsJsonAsync($"/api/campaigns/{campaignId}/invitations", new { reminder = true });

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([holders["임*아"]], body.GetProperty("alreadyConsenting").EnumerateArray().Select(h => h.GetGuid()));
        Assert.Equal(WithPhone.Length - 1, body.GetProperty("issued").GetArrayLength());
        Assert.All(body.GetProperty("issued").EnumerateArray(), i => Assert.Equal("reminder", i.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task A_draft_campaign_or_a_holder_not_on_the_roll_invites_nobody()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var draft = await client.CreateReadyCampaignAsync("draft invite");
        var open = await client.CreateOpenCampaignAsync("stranger invite");
        var minjun = (await client.HoldersByMaskedNameAsync(open))["김*준"];

        using var onDraft = await client.PostAsJsonAsync($"/api/campaigns/{draft}/invitations", new { });
        using var stranger = await client.PostAsJsonAsync($"/api/campaigns/{open}/invitations", new { holderIds = new[] { minjun, Guid.NewGuid() } });

        await onDraft.AssertProblemAsync(HttpStatusCode.Conflict);
        var problem = await stranger.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, problem.GetProperty("holderIds").GetArrayLength());
        Assert.Equal(0, await system.QueryCampaignsAsync(db => db.Invitations.CountAsync(i => i.CampaignId == draft || i.CampaignId == open)));
    }

    [Fact]
    public async Task A_district_officer_sees_invitations_but_cannot_send_them()
    {
        var secret = await system.RegisterClientAsync("officer-invitations", [Roles.DistrictOfficer], [Scopes.Campaigns], district: "중랑구");
        using var officer = await system.ClientAsync(system.Campaigns, Scopes.Campaigns, "officer-invitations", secret);
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateOpenCampaignAsync("officer view");

        using var send = await officer.PostAsJsonAsync($"/api/campaigns/{campaignId}/invitations", new { });
        using var read = await officer.GetAsync($"/api/campaigns/{campaignId}/invitations");

        await send.AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task The_notifications_service_alone_gets_the_phone_number_and_link_of_an_active_invitation()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateOpenCampaignAsync("delivery");
        var minjun = (await client.HoldersByMaskedNameAsync(campaignId))["김*준"];
        var first = await IssueAsync(client, campaignId, minjun);
        var second = await IssueAsync(client, campaignId, minjun);
        using var notifications = await system.ClientAsync(system.Campaigns, Scopes.Campaigns, ServiceClients.Notifications, SystemFixture.NotificationsClientSecret);
        using var signing = await system.ClientAsync(system.Campaigns, Scopes.Campaigns, "service-signing", SystemFixture.SigningClientSecret);

        var delivery = await notifications.GetFromJsonAsync<JsonElement>($"/internal/campaigns/invitations/{second}/delivery");
        using var replaced = await notifications.GetAsync($"/internal/campaigns/invitations/{first}/delivery");
        using var byStaff = await client.GetAsync($"/internal/campaigns/invitations/{second}/delivery");
        using var byAnotherService = await signing.GetAsync($"/internal/campaigns/invitations/{second}/delivery");

        Assert.Equal("+821000000001", delivery.GetProperty("phone").GetString());
        var link = delivery.GetProperty("link").GetString()!;
        Assert.StartsWith(SystemFixture.InvitationLinkBase + "/", link);
        var token = link[(SystemFixture.InvitationLinkBase.Length + 1)..];
        var stored = await system.QueryCampaignsAsync(db => db.Invitations.AsNoTracking().SingleAsync(i => i.Id == second));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token))), stored.TokenHash);
        await replaced.AssertProblemAsync(HttpStatusCode.Gone);
        await byStaff.AssertProblemAsync(HttpStatusCode.Forbidden);
        await byAnotherService.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Identity_alone_finds_out_whom_a_live_link_names_and_the_first_opening_is_recorded()
    {
        using var client = await system.ClientAsync(system.Campaigns, Scopes.Campaigns);
        var campaignId = await client.CreateOpenCampaignAsync("resolve");
        var minjun = (await client.HoldersByMaskedNameAsync(campaignId))["김*준"];
        var first = await IssueAsync(client, campaignId, minjun);
        var second = await IssueAsync(client, campaignId, minjun);
        using var notifications = await system.ClientAsync(system.Campaigns, Scopes.Campaigns, ServiceClients.Notifications, SystemFixture.NotificationsClientSecret);
        using var identity = await system.ClientAsync(system.Campaigns, Scopes.Campaigns, ServiceClients.Identity, SystemFixture.IdentityClientSecret);
        var protector = system.Campaigns.Services.GetRequiredService<PersonalDataProtector>();
        var tokens = await system.QueryCampaignsAsync(db => db.Invitations.AsNoTracking()
            .Where(i => i.Id == first || i.Id == second).ToDictionaryAsync(i => i.Id, i => i.TokenProtected));
        string Token(Guid id) => protector.Unprotect(tokens[id], "invitation.token");

        using var opened = await identity.PostAsJsonAsync("/internal/campaigns/invitations/resolve", new { token = Token(second) });
        using var again = await identity.PostAsJsonAsync("/internal/campaigns/invitations/resolve", new { token = Token(second) });
        using var old = await identity.PostAsJsonAsync("/internal/campaigns/invitations/resolve", new { token = Token(first) });
        using var guessed = await identity.PostAsJsonAsync("/internal/campaigns/invitations/resolve", new { token = "ic_JJFkKAXWPGoovN9ybbmSYOZCZIZ9ON8D_mTnktPg" });
        using var byNotifications = await notifications.PostAsJsonAsync("/internal/campaigns/invitations/resolve", new { token = Token(second) });

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var resolved = await opened.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(minjun, resolved.GetProperty("holderId").GetGuid());
        Assert.Equal(campaignId, resolved.GetProperty("campaignId").GetGuid());
        Assert.True(resolved.GetProperty("firstOpening").GetBoolean());
        Assert.False((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("firstOpening").GetBoolean());
        Assert.Equal("replaced", (await old.AssertProblemAsync(HttpStatusCode.Gone)).GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.NotFound, guessed.StatusCode);
        await byNotifications.AssertProblemAsync(HttpStatusCode.Forbidden);
        var listed = await client.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}/invitations?holderId={minjun}");
        Assert.NotEqual(JsonValueKind.Null, listed[0].GetProperty("openedAt").ValueKind);

        (await client.PostAsync($"/api/campaigns/{campaignId}/close", null)).EnsureSuccessStatusCode();
        using var closed = await identity.PostAsJsonAsync("/internal/campaigns/invitations/resolve", new { token = Token(second) });
        Assert.Equal("campaign-not-open", (await closed.AssertProblemAsync(HttpStatusCode.Gone)).GetProperty("reason").GetString());
    }

    private static async Task<Guid> IssueAsync(HttpClient client, Guid campaignId, Guid holderId)
    {
        using var response = await client.PostAsJsonAsync($"/api/campaigns/{campaignId}/invitations", new { holderIds = new[] { holderId } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("issued")[0].GetProperty("invitationId").GetGuid();
    }
}
