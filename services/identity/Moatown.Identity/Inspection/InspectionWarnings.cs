using Moatown.ServiceDefaults.Inspection;

namespace Moatown.Identity.Inspection;

/// <summary>The rules that turn measured figures into warnings: one place, so the report and its tests agree.</summary>
public static class InspectionWarnings
{
    public static readonly TimeSpan CertificateNotice = TimeSpan.FromDays(30);
    public static readonly TimeSpan KeyRotationDue = TimeSpan.FromDays(365);
    /// <summary>Heads are stamped hourly; a day without one means the stamping has stopped.</summary>
    public static readonly TimeSpan AnchorStale = TimeSpan.FromDays(1);

    public static IReadOnlyList<InspectionWarning> For(IReadOnlyList<ServiceInspection> services, IReadOnlyList<string> unreachable,
        StaffAccountFigures? accounts, DateTimeOffset now)
    {
        var warnings = new List<InspectionWarning>();
        void Add(string severity, string area, string? service, string message) => warnings.Add(new(severity, area, service, message));

        foreach (var service in unreachable)
        {
            Add("critical", "availability", service, "The service did not answer: its controls could not be inspected.");
        }
        foreach (var s in services)
        {
            foreach (var store in s.Stores.Where(store => store.NotEncrypted > 0))
            {
                Add("critical", "encryption", s.Service, $"{store.NotEncrypted} of {store.Values} values in {store.Table}.{store.Column} ({store.Holds}) are not encrypted.");
            }
            var activeKeys = s.Keys.Where(k => k.Name == "personal-data" && k.Active).Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var store in s.Stores.Where(store => store.Method.Contains("field", StringComparison.Ordinal)))
            {
                foreach (var (key, count) in store.ByKey.Where(k => !activeKeys.Contains(k.Key)))
                {
                    Add("warning", "keys", s.Service, $"{count} values in {store.Table}.{store.Column} are still under key {key}, not the active key: re-encrypt after rotation.");
                }
            }
            foreach (var key in s.Keys.Where(k => k.Active && k.Name == "personal-data"))
            {
                if (key.IssuedAt is null)
                {
                    Add("warning", "keys", s.Service, $"The issue date of personal-data key {key.Id} is not recorded, so its age cannot be checked.");
                }
                else if (now - key.IssuedAt > KeyRotationDue)
                {
                    Add("warning", "keys", s.Service, $"Personal-data key {key.Id} was issued {key.IssuedAt:yyyy-MM-dd}: rotation is due (yearly).");
                }
            }
            foreach (var key in s.Keys.Where(k => k is { Name: "vault-master", Active: true }))
            {
                if ((key.RotatedAt ?? key.IssuedAt) is { } since && now - since > KeyRotationDue)
                {
                    Add("warning", "keys", s.Service, $"Vault master key {key.Id} was last rotated {since:yyyy-MM-dd}: rotation is due (yearly).");
                }
            }
            foreach (var certificate in s.Certificates)
            {
                if (certificate.NotAfter <= now)
                {
                    Add("critical", "certificates", s.Service, $"The {certificate.Name} certificate ({certificate.Subject}) expired on {certificate.NotAfter:yyyy-MM-dd}.");
                }
                else if (certificate.NotAfter - now < CertificateNotice)
                {
                    Add("warning", "certificates", s.Service, $"The {certificate.Name} certificate ({certificate.Subject}) expires on {certificate.NotAfter:yyyy-MM-dd}.");
                }
            }
            if (!s.Audit.Intact)
            {
                Add("critical", "audit", s.Service, s.Audit.Problem is { } problem
                    ? $"The audit chain is broken: {problem}."
                    : $"The audit chain disagrees with its time-stamped heads: {string.Join("; ", s.Audit.AnchorProblems)}.");
            }
            if (s.Audit.Records > 0 && (s.Audit.LastAnchoredAt is null || now - s.Audit.LastAnchoredAt > AnchorStale))
            {
                Add("warning", "audit", s.Service, s.Audit.LastAnchoredAt is null
                    ? "The audit chain head has never been time-stamped."
                    : $"The audit chain head was last time-stamped {s.Audit.LastAnchoredAt:yyyy-MM-dd HH:mm}Z.");
            }
            if (s.Database.RuntimeRole is null)
            {
                Add("warning", "database", s.Service, "The service runs as its database's owner: it could rewrite its audit trail.");
            }
            if (!string.Equals(s.Database.ArchiveMode, "on", StringComparison.Ordinal) && !string.Equals(s.Database.ArchiveMode, "always", StringComparison.Ordinal))
            {
                Add("warning", "backup", s.Service, $"Continuous archiving is off (archive_mode = {s.Database.ArchiveMode}): the database has no point-in-time backup.");
            }
            else if (s.Database.FailedArchiveAttempts > 0 && s.Database.LastFailedAt > s.Database.LastArchivedAt)
            {
                Add("critical", "backup", s.Service, $"WAL archiving is failing (last failure {s.Database.LastFailedAt:yyyy-MM-dd HH:mm}Z).");
            }
            foreach (var warning in s.Warnings)
            {
                Add("warning", "service", s.Service, warning);
            }
        }

        if (accounts is not null)
        {
            foreach (var account in accounts.WithoutTwoFactor)
            {
                Add("critical", "accounts", "identity", $"Account {account.UserName} ({string.Join(", ", account.Roles)}) has no two-factor authentication.");
            }
            foreach (var account in accounts.Dormant)
            {
                Add("warning", "accounts", "identity", $"Account {account.UserName} is dormant (last sign-in {(account.LastSignInAt is { } at ? at.ToString("yyyy-MM-dd") : "never")}): disable it if it is no longer needed.");
            }
            foreach (var account in accounts.AwaitingActivation.Where(a => a.ActivationExpiresAt <= now))
            {
                Add("warning", "accounts", "identity", $"Account {account.UserName} was never activated and its activation code expired on {account.ActivationExpiresAt:yyyy-MM-dd}: reissue it or disable the account.");
            }
            foreach (var account in accounts.Locked)
            {
                Add("warning", "accounts", "identity", $"Account {account.UserName} is locked after repeated failed sign-ins.");
            }
        }
        return warnings;
    }
}
