using Microsoft.EntityFrameworkCore;
using Moatown.Identity.Staff;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.Identity.Data;

/// <summary>
/// Development only: one staff account per role (admin, organizer, officer of 중랑구, auditor), all
/// with the password and TOTP secret the AppHost generated into .state/secrets.json
/// (Identity:DevelopmentStaff:Password, :TotpSecret), so the web client and its browser tests can
/// sign in. Re-applied when the generated values change.
/// </summary>
internal sealed partial class DevelopmentStaffSeed(
    IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<DevelopmentStaffSeed> logger) : IHostedService
{
    public const string SectionName = "Identity:DevelopmentStaff";

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string? District)> Accounts =
    [
        ("admin", "개발 관리자", Roles.ProviderAdmin, null),
        ("organizer", "개발 추진위원", Roles.Organizer, null),
        ("officer", "개발 구청 담당자", Roles.DistrictOfficer, "중랑구"),
        ("auditor", "개발 감사인", Roles.Auditor, null),
    ];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var password = configuration[$"{SectionName}:Password"];
        var totpSecret = configuration[$"{SectionName}:TotpSecret"];
        if (string.IsNullOrWhiteSpace(password) || string.IsNullOrWhiteSpace(totpSecret))
        {
            LogNotConfigured();
            return Task.CompletedTask;
        }
        return ExclusiveSeeding.RunAsync(scopes, (services, ct) => SeedAsync(services, password, totpSecret, ct), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(IServiceProvider services, string password, string totpSecret, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<IdentityDbContext>();
        var secrets = services.GetRequiredService<StaffSecrets>();
        var now = time.GetUtcNow();
        foreach (var (userName, displayName, role, district) in Accounts)
        {
            var account = await db.StaffAccounts.SingleOrDefaultAsync(a => a.NormalizedUserName == userName, cancellationToken);
            if (account is null)
            {
                account = new StaffAccount
                {
                    Id = Guid.CreateVersion7(),
                    UserName = userName,
                    NormalizedUserName = userName,
                    DisplayName = secrets.ProtectDisplayName(displayName),
                    Roles = [role],
                    District = district,
                    CreatedAt = now,
                };
                db.StaffAccounts.Add(account);
                LogSeeded(userName);
            }
            else if (StaffPasswords.Verify(account.PasswordHash, password) && account.TotpSecret is not null
                && secrets.TotpSecret(account) == totpSecret && account.MfaEnrolledAt is not null)
            {
                continue;
            }
            account.PasswordHash = StaffPasswords.Hash(password);
            account.PasswordChangedAt = now;
            account.TotpSecret = secrets.ProtectTotpSecret(totpSecret);
            account.TotpLastStep = null;
            account.MfaEnrolledAt = now;
            account.DisabledAt = null;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity:DevelopmentStaff:Password and :TotpSecret are not configured; no development staff accounts are seeded")]
    private partial void LogNotConfigured();

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded development staff account {UserName}")]
    private partial void LogSeeded(string userName);
}
