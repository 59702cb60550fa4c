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
        var name = NewUserName("inspected");
        var (id, _) = await admin.CreateStaffAsync(name, [Roles.Organizer]);
        (await admin.ChangeRolesAsync(id, [Roles.Auditor])).EnsureSuccessStatusCode();

        var report = await admin.GetFromJsonAsync<JsonElement>("/api/identity/inspection");
        var accounts = report.GetProperty("accounts");
        Assert.Contains(accounts.GetProperty("withoutTwoFactor").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        Assert.Contains(report.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("message").GetString()!.Contains(name, StringComparison.Ordinal));
        var change = Assert.Single(accounts.GetProperty("privilegeChanges").EnumerateArray(),
            c => c.GetProperty("resource").GetString() == $"account/{id}" && c.GetProperty("action").GetString() == "staff.roles-changed");
        Assert.Contains(Roles.Organizer, change.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(Roles.Auditor, change.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
