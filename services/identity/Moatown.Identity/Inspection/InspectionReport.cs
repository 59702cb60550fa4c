using Moatown.ServiceDefaults.Inspection;

namespace Moatown.Identity.Inspection;

/// <summary>
/// The inspection report the city's guidelines ask for: every service's controls measured now, the staff
/// accounts, and a warning for each control that is off or due.
/// </summary>
public sealed record InspectionReport(
    DateTimeOffset GeneratedAt,
    string GeneratedBy,
    IReadOnlyList<InspectionWarning> Warnings,
    StaffAccountFigures? Accounts,
    IReadOnlyList<ServiceInspection> Services,
    IReadOnlyList<string> Unreachable);

/// <summary><paramref name="Severity"/>: "critical" (a control failed) or "warning" (off, missing or due).</summary>
public sealed record InspectionWarning(string Severity, string Area, string? Service, string Message);

/// <summary>The staff accounts side: two-factor, dormancy, failed sign-ins and privilege changes.</summary>
public sealed record StaffAccountFigures(
    int Accounts,
    int Active,
    IReadOnlyList<AccountFinding> WithoutTwoFactor,
    IReadOnlyList<AccountFinding> Dormant,
    IReadOnlyList<AccountFinding> Locked,
    int FailedSignIns,
    IReadOnlyList<PrivilegeChange> PrivilegeChanges,
    int WindowDays,
    IReadOnlyList<AccountFinding> AwaitingActivation);

public sealed record AccountFinding(Guid Id, string UserName, IReadOnlyList<string> Roles, DateTimeOffset? LastSignInAt)
{
    /// <summary>For an account not yet activated: when its activation code runs out.</summary>
    public DateTimeOffset? ActivationExpiresAt { get; init; }
}

public sealed record PrivilegeChange(DateTimeOffset At, string Actor, string Action, string Resource, string? Detail);
