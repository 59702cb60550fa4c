using Moatown.ServiceDefaults.Auditing;

namespace Moatown.Identity.Staff;

/// <summary>The staff events the audit trail records (actions and the reasons a sign-in failed).</summary>
public static class StaffAuditActions
{
    public const string SignIn = "staff.sign-in";
    public const string SecondFactor = "staff.sign-in.code";
    public const string Lockout = "staff.lockout";
    public const string Activation = "staff.activation";
    public const string MfaEnrolled = "staff.mfa-enrolled";
    public const string MfaReset = "staff.mfa-reset";
    public const string Created = "staff.account-created";
    public const string RolesChanged = "staff.roles-changed";
    public const string Disabled = "staff.account-disabled";
    public const string Enabled = "staff.account-enabled";
    public const string Unlocked = "staff.account-unlocked";
    public const string ActivationReissued = "staff.activation-reissued";
    public const string RefreshRefused = "staff.refresh-refused";

    public const string BadPassword = "bad-password";
    public const string BadCode = "bad-code";
    public const string Locked = "locked";
    public const string AccountDisabled = "disabled";
    public const string UnknownUser = "unknown-user";
    public const string NotActivated = "not-activated";
    public const string BadActivationCode = "bad-activation-code";

    public static string Resource(Guid accountId) => $"account/{accountId}";
    /// <summary>A sign-in under a user name that names no account (the name itself is not recorded).</summary>
    public const string UnknownAccount = "account/unknown";
}

/// <summary>
/// Records staff events in the service's audit trail. Details never hold a password, a code or a
/// typed user name (it may be a password typed in the wrong field).
/// </summary>
public sealed class StaffAudit(IAuditTrail trail)
{
    public Task RecordAsync(string action, string resource, string outcome, string? actor = null,
        IReadOnlyDictionary<string, string>? detail = null, CancellationToken cancellationToken = default) =>
        trail.RecordAsync(new AuditEntry(action, resource, outcome) { Actor = actor, Detail = detail }, cancellationToken);
}
