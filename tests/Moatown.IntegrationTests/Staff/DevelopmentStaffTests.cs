using Moatown.IntegrationTests.Infrastructure;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.IntegrationTests.Staff;

/// <summary>In Development, one account per role signs in with the generated password and TOTP secret.</summary>
[Collection(SystemCollection.Name)]
public sealed class DevelopmentStaffTests(SystemFixture system)
{
    private const string TotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private const string Password = "development-staff-password";

    [Fact]
    public async Task Each_development_account_signs_in_with_the_configured_password_and_totp_secret()
    {
        await using var identity = system.CreateIdentity("identity_staff_dev", new()
        {
            ["Identity:DevelopmentStaff:Password"] = Password,
            ["Identity:DevelopmentStaff:TotpSecret"] = TotpSecret,
        });
        var expected = new Dictionary<string, (string Role, string? District)>
        {
            ["admin"] = (Roles.ProviderAdmin, null),
            ["organizer"] = (Roles.Organizer, null),
            ["officer"] = (Roles.DistrictOfficer, "중랑구"),
            ["auditor"] = (Roles.Auditor, null),
        };
        foreach (var (userName, (role, district)) in expected)
        {
            using var browser = new StaffBrowser(identity);
            var (verifier, challenge) = StaffBrowser.NewPkce();
            // Every account has the same secret but spends its steps on its own.
            var callback = await browser.SignInAsync(StaffBrowser.AuthorizeUrl(challenge), userName, Password, new TotpDevice(TotpSecret));
            using var exchanged = await browser.ExchangeAsync(StaffBrowser.CodeOf(callback), verifier);
            var claims = StaffBrowser.Payload((await StaffBrowser.TokensOfAsync(exchanged)).AccessToken);
            Assert.Equal(role, claims.GetProperty("role").GetString());
            Assert.Equal(district, claims.TryGetProperty("district", out var value) ? value.GetString() : null);
        }
    }
}
