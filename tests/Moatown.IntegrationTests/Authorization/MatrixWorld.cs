using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Authorization;

/// <summary>
/// The callers of the authorization matrix and the real things they ask about: one open campaign
/// of one organizer in 중랑구, a holder of it who signed (so there is a consent and a document), an
/// invitation. Built once per test run: the matrix calls every endpoint as every caller against it.
/// </summary>
public sealed class MatrixWorld
{
    public const string District = "중랑구";
    public const string OtherDistrict = "동작구";

    public static readonly string[] Callers =
    [
        "anonymous", "provider-admin", "organizer", "other-organizer", "officer", "other-officer", "auditor", "city-system", "signer",
        ServiceClients.Identity, ServiceClients.Notifications, ServiceClients.Documents, ServiceClients.Signing,
    ];

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static MatrixWorld? _world;

    private readonly SystemFixture _system;
    private readonly Dictionary<string, (string ClientId, string Secret)> _clients = [];

    private MatrixWorld(SystemFixture system) => _system = system;

    public Guid CampaignId { get; private set; }
    public Guid HolderId { get; private set; }
    public Guid ConsentId { get; private set; }
    public Guid DocumentId { get; private set; }
    public Guid InvitationId { get; private set; }
    /// <summary>A staff account (an organizer) for the account-management endpoints to act on.</summary>
    public Guid StaffAccountId { get; private set; }
    public string SignerToken { get; private set; } = "";

    public static async Task<MatrixWorld> OfAsync(SystemFixture system)
    {
        await Gate.WaitAsync();
        try
        {
            return _world ??= await new MatrixWorld(system).BuildAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<MatrixWorld> BuildAsync()
    {
        string[] all = [.. Scopes.All];
        await StaffAsync("provider-admin", "matrix-admin", [Roles.ProviderAdmin], all, null);
        await StaffAsync("organizer", "matrix-organizer", [Roles.Organizer], all, null);
        await StaffAsync("other-organizer", "matrix-organizer-2", [Roles.Organizer], all, null);
        await StaffAsync("officer", "matrix-officer", [Roles.DistrictOfficer], all, District);
        await StaffAsync("other-officer", "matrix-officer-2", [Roles.DistrictOfficer], all, OtherDistrict);
        await StaffAsync("auditor", "matrix-auditor", [Roles.Auditor], all, null);
        // Another city's system reading public events: a machine client bound to the campaign's district.
        await StaffAsync("city-system", "matrix-city-system", [Roles.CitySystem], [Scopes.Campaigns], District);
        _clients[ServiceClients.Identity] = (ServiceClients.Identity, SystemFixture.IdentityClientSecret);
        _clients[ServiceClients.Notifications] = (ServiceClients.Notifications, SystemFixture.NotificationsClientSecret);
        _clients[ServiceClients.Documents] = (ServiceClients.Documents, SystemFixture.DocumentsClientSecret);
        _clients[ServiceClients.Signing] = (ServiceClients.Signing, SystemFixture.SigningClientSecret);

        using (var identity = await ClientAsync("provider-admin", "identity"))
        using (var created = await identity.PostAsJsonAsync("/api/identity/accounts", new
        {
            userName = $"matrix-staff-{Guid.NewGuid():N}"[..24],
            displayName = "매트릭스 담당자",
            roles = new[] { Roles.Organizer },
        }))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            StaffAccountId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("account").GetProperty("id").GetGuid();
        }

        using var campaigns = await ClientAsync("organizer", "campaigns");
        CampaignId = await campaigns.CreateOpenCampaignAsync("권한 매트릭스");
        HolderId = (await campaigns.HoldersByMaskedNameAsync(CampaignId))["김*준"];
        SignerToken = await _system.SignerTokenAsync(campaigns, CampaignId, HolderId);
        InvitationId = (await campaigns.GetFromJsonAsync<JsonElement>($"/api/campaigns/{CampaignId}/invitations"))
            .EnumerateArray().First().GetProperty("invitationId").GetGuid();

        using var signing = _system.Signing.CreateClient();
        signing.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SignerToken);
        var form = await signing.GetFromJsonAsync<JsonElement>("/api/signing/form");
        using var submitted = await signing.PostAsJsonAsync("/api/signing/consents", new
        {
            idempotencyKey = Guid.NewGuid().ToString(),
            formSha256 = form.GetProperty("formSha256").GetString(),
            agreedItems = Enumerable.Range(1, form.GetProperty("statutoryItems").GetArrayLength()),
            signature = new
            {
                strokes = new[] { new[] { new { x = 20, y = 100 }, new { x = 80, y = 30 }, new { x = 140, y = 110 }, new { x = 220, y = 40 } } },
                width = 300,
                height = 150,
            },
        });
        Assert.True(submitted.StatusCode == HttpStatusCode.Accepted, await submitted.Content.ReadAsStringAsync());
        ConsentId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consentId").GetGuid();
        await Eventually.HoldsAsync(async () =>
            (await signing.GetFromJsonAsync<JsonElement>($"/api/signing/consents/{ConsentId}")).GetProperty("status").GetString() == "sealed",
            TimeSpan.FromSeconds(60), "the consent is sealed");
        DocumentId = await _system.QueryDocumentsAsync(db => db.Documents.Where(d => d.CampaignId == CampaignId)
            .OrderBy(d => d.Id).Select(d => d.Id).FirstAsync());
        await Eventually.HoldsAsync(() => _system.QueryDocumentsAsync(db => db.KnownCampaigns.AnyAsync(c => c.CampaignId == CampaignId
            && c.Organizer == "matrix-organizer" && c.District == District)), TimeSpan.FromSeconds(30),
            "documents learns the campaign: " + string.Join(";", await _system.QueryDocumentsAsync(db => db.KnownCampaigns.Select(c => c.CampaignId + " " + c.Organizer + " " + c.District).ToListAsync())) + " inbox " + string.Join(";", await _system.QueryDocumentsAsync(db => db.InboxMessages.Select(m => m.Consumer).ToListAsync())));
        return this;
    }

    private async Task StaffAsync(string caller, string clientId, string[] roles, string[] scopes, string? district) =>
        _clients[caller] = (clientId, await _system.RegisterClientAsync(clientId, roles, scopes, district));

    /// <summary>
    /// The caller's bearer token for a service: its token for that service's scope, else (a client
    /// not allowed the scope) one for another scope, which the service must refuse like any other.
    /// </summary>
    public async Task<string?> TokenAsync(string caller, string service)
    {
        if (caller == "anonymous")
        {
            return null;
        }
        if (caller == "signer")
        {
            return SignerToken;
        }
        var (clientId, secret) = _clients[caller];
        foreach (var scope in Scopes.All.OrderBy(s => s == service ? 0 : 1))
        {
            try
            {
                return await _system.TokenAsync(scope, clientId, secret);
            }
            catch (HttpRequestException)
            {
                // Not granted this scope: try the next.
            }
        }
        throw new InvalidOperationException($"{caller} gets no token at all.");
    }

    public async Task<HttpClient> ClientAsync(string caller, string service)
    {
        var client = ServiceEndpoints.Client(_system, service);
        if (await TokenAsync(caller, service) is { } token)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    /// <summary>The route with real ids where the world has one; null for a parameter it does not know.</summary>
    public (string Path, bool AllReal)? Fill(ServiceEndpoint endpoint)
    {
        var pattern = ((Microsoft.AspNetCore.Routing.RouteEndpoint)endpoint.Endpoint).RoutePattern;
        var allReal = true;
        var path = endpoint.Pattern;
        foreach (var parameter in pattern.Parameters)
        {
            string? value = parameter.Name switch
            {
                "id" when endpoint.Service == "identity" => StaffAccountId.ToString(),
                "id" or "campaignId" => CampaignId.ToString(),
                "holderId" => HolderId.ToString(),
                "consentId" => ConsentId.ToString(),
                "documentId" when endpoint.Service == "documents" => DocumentId.ToString(),
                "invitationId" => InvitationId.ToString(),
                "challengeId" or "sessionId" => null,
                "documentName" => "v1",
                "name" => "matrix-subscriber",
                "clientId" => "city-matrix-unknown",
                "queue" => "campaign-access",
                _ => "?",
            };
            if (value == "?")
            {
                return null;
            }
            if (value is null)
            {
                allReal = false;
                value = Guid.NewGuid().ToString();
            }
            path = System.Text.RegularExpressions.Regex.Replace(path, "\\{" + parameter.Name + "(:[^}]*)?\\}", value);
        }
        return (path, allReal);
    }

    /// <summary>What a denied call must not change: the campaign, its roll, ledger, tally, invitations and documents.</summary>
    public async Task<string> SnapshotAsync()
    {
        using (var identity = await ClientAsync("provider-admin", "identity"))
        using (var created = await identity.PostAsJsonAsync("/api/identity/accounts", new
        {
            userName = $"matrix-staff-{Guid.NewGuid():N}"[..24],
            displayName = "매트릭스 담당자",
            roles = new[] { Roles.Organizer },
        }))
        {
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            StaffAccountId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("account").GetProperty("id").GetGuid();
        }

        using var campaigns = await ClientAsync("organizer", "campaigns");
        var parts = new List<string>
        {
            await campaigns.GetStringAsync($"/api/campaigns/{CampaignId}"),
            await campaigns.GetStringAsync($"/api/campaigns/{CampaignId}/roll"),
            await campaigns.GetStringAsync($"/api/campaigns/{CampaignId}/ledger"),
            await campaigns.GetStringAsync($"/api/campaigns/{CampaignId}/invitations"),
            (await campaigns.TallyAsync(CampaignId)).GetProperty("owners").GetRawText(),
        };
        parts.Add((await _system.QueryDocumentsAsync(db => db.Documents.CountAsync(d => d.CampaignId == CampaignId))).ToString(System.Globalization.CultureInfo.InvariantCulture));
        parts.Add(string.Join(",", await _system.QueryDocumentsAsync(db => db.CampaignKeys.Where(k => k.CampaignId == CampaignId)
            .Select(k => k.MasterKeyId + (k.ShreddedAt == null ? "" : " shredded")).ToListAsync())));
        using var documents = await ClientAsync("organizer", "documents");
        using var content = await documents.GetAsync($"/api/documents/{DocumentId}/content");
        parts.Add(((int)content.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return string.Join("\n", parts);
    }
}
