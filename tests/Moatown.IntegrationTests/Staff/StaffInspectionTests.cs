using System.Net.Http.Json;
using System.Text.Json;
using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;
using static Moatown.IntegrationTests.Staff.StaffAccountRequests;

namespace Moatown.IntegrationTests.Staff;

/// <summary>The inspection report's staff side comes from the accounts and the audit trail.</summary>
[Collection(SystemCollection.Name)]
public sealed class StaffInspectionTests(SystemFixture system)
{
    [Fact]
    public async Task Accounts_without_two_factor_and_privilege_changes_appear_in_the_inspection_report()
    {
        using var admin = await system.ClientAsync(system.Identity, Scopes.Identity);
        // One account activated, then its second factor reset: whoever holds the password enrols next.
        var reset = NewUserName("inspected");
        var (resetId, code) = await admin.CreateStaffAsync(reset, [Roles.Organizer]);
        using (var browser = new StaffBrowser(system.Identity))
        {
            await browser.FirstSignInAsync(reset, code, Password);
        }
        (await admin.ActAsync(resetId, "reset-mfa")).EnsureSuccessStatusCode();
        (await admin.ChangeRolesAsync(resetId, [Roles.Auditor])).EnsureSuccessStatusCode();
        // One never activated: it cannot sign in at all, so it is awaiting activation, not without two-factor.
        var pending = NewUserName("pending");
        var (pendingId, _) = await admin.CreateStaffAsync(pending, [Roles.Organizer]);

        var report = await admin.GetFromJsonAsync<JsonElement>("/api/identity/inspection");
        var accounts = report.GetProperty("accounts");
        Assert.Contains(accounts.GetProperty("withoutTwoFactor").EnumerateArray(), a => a.GetProperty("id").GetGuid() == resetId);
        Assert.Contains(report.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("severity").GetString() == "critical"
            && w.GetProperty("message").GetString()!.Contains(reset, StringComparison.Ordinal));
        Assert.DoesNotContain(accounts.GetProperty("withoutTwoFactor").EnumerateArray(), a => a.GetProperty("id").GetGuid() == pendingId);
        Assert.Contains(accounts.GetProperty("awaitingActivation").EnumerateArray(), a => a.GetProperty("id").GetGuid() == pendingId);
        Assert.DoesNotContain(report.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("message").GetString()!.Contains(pending, StringComparison.Ordinal));

        var change = Assert.Single(accounts.GetProperty("privilegeChanges").EnumerateArray(),
            c => c.GetProperty("resource").GetString() == $"account/{resetId}" && c.GetProperty("action").GetString() == "staff.roles-changed");
        Assert.Contains(Roles.Organizer, change.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(Roles.Auditor, change.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(accounts.GetProperty("privilegeChanges").EnumerateArray(),
            c => c.GetProperty("resource").GetString() == $"account/{resetId}" && c.GetProperty("action").GetString() == "staff.mfa-reset");
    }
}
