using Moatown.ServiceDefaults.Inspection;

namespace Moatown.Web.Staff.Auditing;

/// <summary><c>GET /api/identity/inspection</c>, as the inspection page shows it.</summary>
public sealed record InspectionView(
    DateTimeOffset GeneratedAt,
    string GeneratedBy,
    IReadOnlyList<InspectionWarningView> Warnings,
    StaffAccountsView? Accounts,
    IReadOnlyList<ServiceInspection> Services,
    IReadOnlyList<string> Unreachable);

/// <summary><paramref name="Severity"/>: "critical" (a control failed) or "warning" (off, missing or due).</summary>
public sealed record InspectionWarningView(string Severity, string Area, string? Service, string Message);

public sealed record StaffAccountsView(
    int Accounts,
    int Active,
    IReadOnlyList<AccountFindingView> WithoutTwoFactor,
    IReadOnlyList<AccountFindingView> Dormant,
    IReadOnlyList<AccountFindingView> Locked,
    int FailedSignIns,
    IReadOnlyList<PrivilegeChangeView> PrivilegeChanges,
    int WindowDays,
    IReadOnlyList<AccountFindingView>? AwaitingActivation);

public sealed record AccountFindingView(Guid Id, string UserName, IReadOnlyList<string> Roles, DateTimeOffset? LastSignInAt);

public sealed record PrivilegeChangeView(DateTimeOffset At, string Actor, string Action, string Resource, string? Detail);
