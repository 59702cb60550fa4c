using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;
using OpenIddict.Server;

namespace Moatown.IntegrationTests.Authorization;

/// <summary>
/// Forged and borrowed tokens. Each forgery is minted with the identity service's own signing key,
/// so the one property under test is the only thing wrong with it; a correctly minted token of the
/// same shape is let in (the control), so a refusal is the property's doing.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class TokenAttackTests(SystemFixture system)
{
    /// <summary>Per service: an endpoint, the caller's scope, roles and subject a correct token passes with.</summary>
    private static readonly (string Service, string Scope, string Subject, string[] Roles, string Path)[] Targets =
    [
        ("identity", Scopes.Identity, "attack-staff", [Roles.ProviderAdmin], "/api/identity/me"),
        ("campaigns", Scopes.Campaigns, "attack-staff", [Roles.ProviderAdmin], "/api/campaigns/"),
        ("signing", Scopes.Signing, ServiceClients.Documents, [], $"/internal/signing/consents/{Guid.NewGuid()}/submission"),
        ("documents", Scopes.Documents, "attack-staff", [Roles.Organizer], $"/api/documents/{Guid.NewGuid()}/content"),
        ("notifications", Scopes.Notifications, "attack-staff", [Roles.ProviderAdmin], $"/api/notifications/campaigns/{Guid.NewGuid()}"),
    ];

    public static TheoryData<string> Forgeries => new() { "another-audience", "another-issuer", "expired", "alg-none", "tampered-signature", "another-key", "tampered-claims" };

    [Fact]
    public async Task A_correctly_minted_token_is_let_in_at_every_service()
    {
        foreach (var target in Targets)
        {
            var status = await CallAsync(target.Service, target.Path, Mint(target, _ => { }));
            Assert.True(status is not (401 or 403), $"{target.Service}: {status}");
        }
    }

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task A_forged_token_is_refused_at_every_service(string forgery)
    {
        foreach (var target in Targets)
        {
            var token = forgery switch
            {
                "another-audience" => Mint(target, t => t.Audience = Scopes.AudienceOf(target.Scope == Scopes.Campaigns ? Scopes.Documents : Scopes.Campaigns)),
                "another-issuer" => Mint(target, t => t.Issuer = "http://identity.attacker.test/"),
                "expired" => Mint(target, t =>
                {
                    t.IssuedAt = DateTime.UtcNow.AddMinutes(-20);
                    t.NotBefore = DateTime.UtcNow.AddMinutes(-20);
                    t.Expires = DateTime.UtcNow.AddMinutes(-5);
                }),
                "alg-none" => Mint(target, t => t.SigningCredentials = null),
                "another-key" => Mint(target, t => t.SigningCredentials = new SigningCredentials(
                    new RsaSecurityKey(RSA.Create(2048)) { KeyId = t.SigningCredentials!.Key.KeyId }, SecurityAlgorithms.RsaSha256)),
                "tampered-signature" => FlipLastSignatureByte(Mint(target, _ => { })),
                "tampered-claims" => ReplacePayload(Mint(target, _ => { }), Mint(target, t => t.Claims!["role"] = new[] { Roles.ProviderAdmin, Roles.Organizer, Roles.DistrictOfficer })),
                _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
            };

            var status = await CallAsync(target.Service, target.Path, token);

            Assert.True(status == 401, $"{forgery} at {target.Service}: {status}");
        }
    }

    [Fact]
    public async Task A_residents_personal_link_token_is_no_bearer_token_anywhere()
    {
        var world = await MatrixWorld.OfAsync(system);
        using var campaigns = await world.ClientAsync("organizer", "campaigns");
        using var notifications = await system.ClientAsync(system.Notifications, Scopes.Notifications);
        var holder = (await campaigns.HoldersByMaskedNameAsync(world.CampaignId)).Values.First(h => h != world.HolderId);
        var link = await campaigns.InviteAndReadLinkTokenAsync(notifications, world.CampaignId, holder);

        foreach (var target in Targets)
        {
            Assert.Equal(401, await CallAsync(target.Service, target.Path, link));
        }
        Assert.Equal(401, await CallAsync("signing", "/api/signing/session", link));
    }

    [Fact]
    public async Task A_residents_signer_token_opens_no_staff_or_internal_endpoint()
    {
        var world = await MatrixWorld.OfAsync(system);
        var refused = new List<string>();
        foreach (var endpoint in ServiceEndpoints.Of(system).Where(e => e.Endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAllowAnonymous>() is null
            && !e.Pattern.StartsWith("/api/signing/", StringComparison.Ordinal)))
        {
            var (path, _) = world.Fill(endpoint)!.Value;
            var status = await CallAsync(endpoint.Service, path, world.SignerToken, endpoint.Method);
            if (status is not (401 or 403))
            {
                refused.Add($"{endpoint.Key}: {status}");
            }
        }
        Assert.True(refused.Count == 0, string.Join("\n", refused));
    }

    /// <summary>
    /// Another organizer and an officer of another district, on every endpoint bound to the test
    /// campaign that the campaign's own organizer or officer may use: "not found", as if it did not exist.
    /// </summary>
    [Fact]
    public async Task Another_organizer_and_an_officer_of_another_district_find_nothing_of_the_campaign()
    {
        var world = await MatrixWorld.OfAsync(system);
        var matrix = AuthorizationMatrix.Load();
        var wrong = new List<string>();
        foreach (var endpoint in ServiceEndpoints.Of(system).Where(e => e.Parameters.Any(p => p is "id" or "campaignId" or "documentId")))
        {
            var allowed = matrix[endpoint.Key].Allowed;
            foreach (var (owner, other) in new[] { ("organizer", "other-organizer"), ("officer", "other-officer") })
            {
                if (!allowed.Contains(owner) || allowed.Contains(other))
                {
                    continue;
                }
                var (path, _) = world.Fill(endpoint)!.Value;
                using var client = await world.ClientAsync(other, endpoint.Service);
                using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path);
                if (endpoint.Method is "POST" or "PUT")
                {
                    request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                }
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    wrong.Add($"{endpoint.Key} as {other}: {(int)response.StatusCode}");
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    private string Mint((string Service, string Scope, string Subject, string[] Roles, string Path) target, Action<SecurityTokenDescriptor> spoil)
    {
        var credentials = system.Identity.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue.SigningCredentials
            .First(c => c.Key is AsymmetricSecurityKey);
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = target.Subject,
            ["scope"] = target.Scope,
            ["client_id"] = target.Subject,
            ["jti"] = Guid.NewGuid().ToString(),
        };
        if (target.Roles.Length > 0)
        {
            claims["role"] = target.Roles;
        }
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = SystemFixture.Issuer,
            Audience = Scopes.AudienceOf(target.Scope),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = claims,
            TokenType = "at+jwt",
            SigningCredentials = credentials,
        };
        spoil(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private static string FlipLastSignatureByte(string jwt)
    {
        var parts = jwt.Split('.');
        var signature = Base64UrlEncoder.DecodeBytes(parts[2]);
        signature[^1] ^= 0x01;
        return $"{parts[0]}.{parts[1]}.{Base64UrlEncoder.Encode(signature)}";
    }

    /// <summary>A genuine header and signature around another token's claims.</summary>
    private static string ReplacePayload(string genuine, string other)
    {
        var parts = genuine.Split('.');
        return $"{parts[0]}.{other.Split('.')[1]}.{parts[2]}";
    }

    private async Task<int> CallAsync(string service, string path, string token, string method = "GET")
    {
        using var client = ServiceEndpoints.Client(system, service);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        return (int)response.StatusCode;
    }
}
