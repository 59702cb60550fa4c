using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;
using static Moatown.IntegrationTests.Staff.StaffAccountRequests;

namespace Moatown.IntegrationTests.Staff;

/// <summary>
/// Guessing: five failed passwords or codes lock the account for fifteen minutes, and no answer
/// tells a locked account, an unknown user name and a wrong password apart.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed partial class StaffLockoutTests(SystemFixture system)
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_every_refusal_looks_the_same()
    {
        using var admin = await system.ClientAsync(system.Identity, Scopes.Identity);
        var name = NewUserName("guessed");
        var (id, code) = await admin.CreateStaffAsync(name, [Roles.Organizer]);
        using (var owner = new StaffBrowser(system.Identity))
        {
            await owner.FirstSignInAsync(name, code, Password);
        }

        using var attacker = new StaffBrowser(system.Identity);
        var signIn = (await attacker.RedirectOfAsync(StaffBrowser.AuthorizeUrl(StaffBrowser.NewPkce().Challenge))).OriginalString;
        var wrong = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            wrong.Add(await RefusalAsync(attacker, signIn, name, $"guess number {i}"));
        }
        var locked = await RefusalAsync(attacker, signIn, name, Password);
        var unknown = await RefusalAsync(attacker, signIn, NewUserName("nobody"), Password);

        Assert.Single(wrong.Append(locked).Append(unknown).Distinct());
        var lockedUntil = await system.QueryIdentityAsync(db => db.StaffAccounts.Where(a => a.Id == id).Select(a => a.LockedUntil).SingleAsync());
        Assert.InRange(lockedUntil!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));

        // The trail knows what the answers do not say, and never the password.
        var records = await AuditOfAsync(id);
        Assert.Equal(5, records.Count(r => r is { Action: "staff.sign-in", Outcome: "failure" } && r.Detail.Contains("bad-password")));
        Assert.Contains(records, r => r.Action == "staff.lockout");
        Assert.Contains(records, r => r is { Action: "staff.sign-in", Outcome: "failure" } && r.Detail.Contains("\"locked\""));
        Assert.DoesNotContain(records, r => r.Detail.Contains(Password, StringComparison.Ordinal) || r.Detail.Contains("guess", StringComparison.Ordinal));

        // An admin ends the lockout; the right password then leads on to the code.
        using (var unlocked = await admin.ActAsync(id, "unlock"))
        {
            Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        }
        using var right = await attacker.PostFormAsync(signIn, new() { ["userName"] = name, ["password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.StartsWith("/account/code", right.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_and_replayed_codes_are_refused_and_count_towards_the_lockout()
    {
        using var admin = await system.ClientAsync(system.Identity, Scopes.Identity);
        var name = NewUserName("coded");
        var (id, activation) = await admin.CreateStaffAsync(name, [Roles.Auditor]);
        TotpDevice device;
        using (var first = new StaffBrowser(system.Identity))
        {
            device = (await first.FirstSignInAsync(name, activation, Password)).Device;
        }

        using var browser = new StaffBrowser(system.Identity);
        var codePage = await PasswordAsync(browser, name);
        var wrongCode = WrongCode(device);
        using (var refused = await browser.PostFormAsync(codePage, new() { ["code"] = wrongCode }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
        var used = await device.NextCodeAsync();
        using (var accepted = await browser.PostFormAsync(codePage, new() { ["code"] = used }))
        {
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
            Assert.StartsWith("/connect/authorize?", accepted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        // The same code again, at once, in another browser: spent.
        using var replaying = new StaffBrowser(system.Identity);
        codePage = await PasswordAsync(replaying, name);
        using (var replayed = await replaying.PostFormAsync(codePage, new() { ["code"] = used }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        }
        for (var i = 0; i < 4; i++)
        {
            using var guess = await replaying.PostFormAsync(codePage, new() { ["code"] = WrongCode(device) });
            Assert.Equal(HttpStatusCode.BadRequest, guess.StatusCode);
        }
        // Five failures since the last success: locked, so even a fresh right code is refused.
        using var fresh = await replaying.PostFormAsync(codePage, new() { ["code"] = await device.NextCodeAsync() });
        Assert.Equal(HttpStatusCode.BadRequest, fresh.StatusCode);
        Assert.NotNull(await system.QueryIdentityAsync(db => db.StaffAccounts.Where(a => a.Id == id).Select(a => a.LockedUntil).SingleAsync()));
    }

    private async Task<List<(string Action, string Outcome, string Detail)>> AuditOfAsync(Guid accountId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(system.Postgres.ConnectionString("identitydb"));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT action, outcome, coalesce(detail::text, '') FROM audit_records WHERE resource = @resource ORDER BY sequence", connection);
        command.Parameters.AddWithValue("resource", $"account/{accountId}");
        await using var reader = await command.ExecuteReaderAsync();
        var records = new List<(string, string, string)>();
        while (await reader.ReadAsync())
        {
            records.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        return records;
    }

    private static async Task<string> PasswordAsync(StaffBrowser browser, string name)
    {
        var signIn = (await browser.RedirectOfAsync(StaffBrowser.AuthorizeUrl(StaffBrowser.NewPkce().Challenge))).OriginalString;
        using var answer = await browser.PostFormAsync(signIn, new() { ["userName"] = name, ["password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return answer.Headers.Location!.OriginalString;
    }

    /// <summary>Six digits valid for none of the steps the server would accept now.</summary>
    private static string WrongCode(TotpDevice device)
    {
        var now = TotpDevice.CurrentStep();
        var valid = Enumerable.Range(-2, 5).Select(offset => device.CodeAt(now + offset)).ToHashSet();
        return Enumerable.Range(0, 1000).Select(n => (123456 + n * 7919 % 1000000).ToString("D6")).First(candidate => !valid.Contains(candidate));
    }

    /// <summary>The refusal's status and message, which must not vary with the reason.</summary>
    private static async Task<string> RefusalAsync(StaffBrowser browser, string signIn, string userName, string password)
    {
        using var response = await browser.PostFormAsync(signIn, new() { ["userName"] = userName, ["password"] = password });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Null(response.Headers.Location);
        var message = ErrorMessage().Match(html).Groups[1].Value;
        Assert.NotEmpty(message);
        return $"{(int)response.StatusCode} {message}";
    }

    [GeneratedRegex("""<p class="error" role="alert">([^<]+)</p>""")]
    private static partial Regex ErrorMessage();
}
