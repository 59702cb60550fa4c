using Microsoft.EntityFrameworkCore;
using Moatown.Identity.Data;
using Moatown.Identity.Inspection;
using Moatown.ServiceDefaults.Auditing;

namespace Moatown.Identity.Staff;

/// <summary>
/// The staff side of the inspection report: accounts without a confirmed second factor, dormant and
/// locked accounts (active ones only), and from the audit trail the failed sign-ins and privilege
/// changes of the last <see cref="WindowDays"/> days.
/// </summary>
public sealed class StaffInspection(IdentityDbContext db, TimeProvider time)
{
    public const int WindowDays = 30;
    public static readonly TimeSpan DormantAfter = TimeSpan.FromDays(90);

    private static readonly string[] PrivilegeActions =
    [
        StaffAuditActions.Created, StaffAuditActions.RolesChanged, StaffAuditActions.Disabled, StaffAuditActions.Enabled,
        StaffAuditActions.MfaReset, StaffAuditActions.ActivationReissued,
    ];

    public async Task<StaffAccountFigures> FiguresAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var accounts = await db.StaffAccounts.AsNoTracking().OrderBy(a => a.NormalizedUserName).ToListAsync(cancellationToken);
        var active = accounts.Where(a => a.IsActive).ToList();
        var since = now.AddDays(-WindowDays);
        var failed = await db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM audit_records
            WHERE recorded_at >= {since} AND outcome = {AuditOutcomes.Failure}
              AND action IN ({StaffAuditActions.SignIn}, {StaffAuditActions.SecondFactor})
            """).SingleAsync(cancellationToken);
        var changes = await db.Database.SqlQuery<PrivilegeChange>($"""
            SELECT recorded_at AS "At", actor AS "Actor", action AS "Action", resource AS "Resource", detail::text AS "Detail"
            FROM audit_records
            WHERE recorded_at >= {since} AND outcome = {AuditOutcomes.Success} AND action = ANY({PrivilegeActions})
            ORDER BY sequence
            """).ToListAsync(cancellationToken);
        return new StaffAccountFigures(
            accounts.Count,
            active.Count,
            // Activated (a password set) yet no confirmed second factor, e.g. after a reset: whoever has the password enrols next.
            [.. active.Where(a => a.PasswordHash is not null && a.MfaEnrolledAt is null).Select(Finding)],
            [.. active.Where(a => (a.LastSignInAt ?? a.CreatedAt) < now - DormantAfter).Select(Finding)],
            [.. active.Where(a => a.IsLocked(now)).Select(Finding)],
            failed,
            changes,
            WindowDays,
            // Not yet activated: they cannot sign in at all; an expired activation is worth a look.
            [.. active.Where(a => a.PasswordHash is null).Select(a => Finding(a) with { ActivationExpiresAt = a.ActivationExpiresAt })]);
    }

    private static AccountFinding Finding(StaffAccount account) => new(account.Id, account.UserName, account.Roles, account.LastSignInAt);
}
