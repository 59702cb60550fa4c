using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Moatown.Identity.Data;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;
using Npgsql;
using static Moatown.IntegrationTests.Staff.StaffAccountRequests;

namespace Moatown.IntegrationTests.Staff;

/// <summary>Provider admins manage staff accounts; nobody else may, and bad input changes nothing.</summary>
[Collection(SystemCollection.Name)]
public sealed class StaffAccountsApiTests(SystemFixture system)
{
    [Fact]
    public async Task Bad_input_is_a_problem_naming_the_field_and_creates_or_changes_nothing()
    {
        using var admin = await system.ClientAsync(system.Identity, Scopes.Identity);
        var name = NewUserName("valid");

        await AssertFieldsAsync(await admin.PostAsJsonAsync("/api/identity/accounts",
            new { userName = "a", displayName = "", roles = new[] { "superuser" } }), "userName", "displayName", "roles");
        await AssertFieldsAsync(await admin.PostAsJsonAsync("/api/identity/accounts",
            new { userName = name, displayName = "홍길동", roles = new[] { Roles.DistrictOfficer } }), "district");
        await AssertFieldsAsync(await admin.PostAsJsonAsync("/api/identity/accounts",
            new { userName = name, displayName = "홍길동", roles = new[] { Roles.Organizer }, district = "중랑구" }), "district");
        Assert.False(await system.QueryIdentityAsync(db => db.StaffAccounts.AnyAsync(a => a.NormalizedUserName == name)));

        var (id, _) = await admin.CreateStaffAsync(name, [Roles.Organizer]);
        using var taken = await admin.PostAsJsonAsync("/api/identity/accounts", new { userName = name.ToUpperInvariant(), displayName = "다른 사람", roles = new[] { Roles.Auditor } });
        Assert.True((await taken.AssertProblemAsync(HttpStatusCode.Conflict)).GetProperty("errors").TryGetProperty("userName", out _));

        await AssertFieldsAsync(await admin.ChangeRolesAsync(id, [Roles.Organizer, "root"]), "roles");
        await AssertFieldsAsync(await admin.ChangeRolesAsync(id, [Roles.DistrictOfficer]), "district");
        var roles = await system.QueryIdentityAsync(db => db.StaffAccounts.Where(a => a.Id == id).Select(a => a.Roles).SingleAsync());
        Assert.Equal([Roles.Organizer], roles);
    }

    [Fact]
    public async Task Organizers_auditors_and_officers_cannot_manage_accounts()
    {
        foreach (var (role, district) in new[] { (Roles.Organizer, (string?)null), (Roles.Auditor, null), (Roles.DistrictOfficer, "중랑구") })
        {
            var clientId = $"staff-api-{role}";
            var secret = await system.RegisterClientAsync(clientId, [role], [Scopes.Identity], district);
            using var client = await system.ClientAsync(system.Identity, Scopes.Identity, clientId, secret);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/identity/accounts")).StatusCode);
            using var create = await client.PostAsJsonAsync("/api/identity/accounts", new { userName = NewUserName("sneaky"), displayName = "x", roles = new[] { Roles.ProviderAdmin } });
            Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        }
        using var anonymous = system.Identity.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/identity/accounts")).StatusCode);
    }

    [Fact]
    public async Task Secrets_are_stored_only_as_hashes_or_ciphertext_and_never_listed()
    {
        using var admin = await system.ClientAsync(system.Identity, Scopes.Identity);
        var name = NewUserName("stored");
        const string displayName = "김저장";
        var (id, activation) = await admin.CreateStaffAsync(name, [Roles.Auditor], displayName: displayName);
        using var browser = new StaffBrowser(system.Identity);
        var (verifier, challenge) = StaffBrowser.NewPkce();
        var (secret, _, _) = await browser.ActivateAsync(StaffBrowser.AuthorizeUrl(challenge), name, activation, Password);

        await using var connection = new NpgsqlConnection(system.Postgres.ConnectionString("identitydb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT row_to_json(s)::text, password_hash, totp_secret, display_name FROM staff_accounts s WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var row = reader.GetString(0);
        Assert.StartsWith("pbkdf2-sha512.210000.", reader.GetString(1), StringComparison.Ordinal);
        Assert.StartsWith("pd1.", reader.GetString(2), StringComparison.Ordinal);
        Assert.StartsWith("pd1.", reader.GetString(3), StringComparison.Ordinal);
        foreach (var plain in new[] { Password, secret, displayName, activation, activation.Replace("-", "", StringComparison.Ordinal) })
        {
            Assert.DoesNotContain(plain, row, StringComparison.OrdinalIgnoreCase);
        }

        var listed = await admin.GetStringAsync("/api/identity/accounts?pageSize=200");
        Assert.Contains(displayName, listed, StringComparison.Ordinal);
        foreach (var field in new[] { "passwordHash", "totpSecret", "activationCode", "pbkdf2", "pd1.", secret })
        {
            Assert.DoesNotContain(field, listed, StringComparison.OrdinalIgnoreCase);
        }
        Assert.NotEmpty(verifier);
    }

    [Fact]
    public async Task A_reissued_activation_replaces_the_old_code_and_a_reset_second_factor_is_enrolled_anew()
    {
        using var admin = await system.ClientAsync(system.Identity, Scopes.Identity);
        var name = NewUserName("reissued");
        var (id, oldCode) = await admin.CreateStaffAsync(name, [Roles.Organizer]);
        using var reissued = await admin.ActAsync(id, "activation");
        Assert.Equal(HttpStatusCode.OK, reissued.StatusCode);
        var newCode = (await reissued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activationCode").GetString()!;
        Assert.NotEqual(oldCode, newCode);

        using var browser = new StaffBrowser(system.Identity);
        var signIn = (await browser.RedirectOfAsync(StaffBrowser.AuthorizeUrl(StaffBrowser.NewPkce().Challenge))).OriginalString;
        var activate = signIn.Replace("/account/sign-in", "/account/activate", StringComparison.Ordinal);
        using var stale = await browser.PostFormAsync(activate, new()
        {
            ["userName"] = name, ["activationCode"] = oldCode, ["password"] = Password, ["passwordConfirmation"] = Password,
        });
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        await browser.FirstSignInAsync(name, newCode, Password);

        using var reset = await admin.ActAsync(id, "reset-mfa");
        Assert.False((await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mfaEnrolled").GetBoolean());
        using var again = new StaffBrowser(system.Identity);
        signIn = (await again.RedirectOfAsync(StaffBrowser.AuthorizeUrl(StaffBrowser.NewPkce().Challenge))).OriginalString;
        using var password = await again.PostFormAsync(signIn, new() { ["userName"] = name, ["password"] = Password });
        Assert.StartsWith("/account/enrol", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_active_provider_admin_cannot_be_removed_and_no_admin_can_demote_itself()
    {
        await using var identity = system.CreateIdentity("identity_staff_admins");
        using var dev = identity.CreateClient();
        dev.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await DevTokenAsync(identity));
        var firstName = NewUserName("admin-a");
        var (first, firstCode) = await dev.CreateStaffAsync(firstName, [Roles.ProviderAdmin]);
        var (second, _) = await dev.CreateStaffAsync(NewUserName("admin-b"), [Roles.ProviderAdmin]);

        // The first admin, signed in as a person, cannot take away its own role.
        using var browser = new StaffBrowser(identity);
        var signedIn = await browser.FirstSignInAsync(firstName, firstCode, Password);
        using var self = StaffBrowser.WithToken(identity.CreateClient(), signedIn.AccessToken);
        await (await self.ChangeRolesAsync(first, [Roles.Auditor])).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.OK, (await self.ActAsync(second, "disable")).StatusCode);
        await (await dev.ActAsync(first, "disable")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await dev.ChangeRolesAsync(first, [Roles.Organizer])).AssertProblemAsync(HttpStatusCode.Conflict);
        var firstNow = await system.QueryIdentityAsync(db => db.StaffAccounts.SingleAsync(a => a.Id == first), identity);
        Assert.Null(firstNow.DisabledAt);
        Assert.Equal([Roles.ProviderAdmin], firstNow.Roles);

        Assert.Equal(HttpStatusCode.OK, (await dev.ActAsync(second, "enable")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dev.ChangeRolesAsync(first, [Roles.Organizer])).StatusCode);
    }

    private static async Task<string> DevTokenAsync(ServiceFactory<IdentityDbContext> identity)
    {
        using var client = identity.CreateClient();
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "moatown-dev",
            ["client_secret"] = SystemFixture.DevClientSecret, ["scope"] = Scopes.Identity,
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    private static async Task AssertFieldsAsync(HttpResponseMessage response, params string[] fields)
    {
        using (response)
        {
            var errors = (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
            Assert.Equal(fields.Order(), errors.EnumerateObject().Select(e => e.Name).Order());
        }
    }
}
