using Moatown.Identity.Inspection;
using Moatown.ServiceDefaults.Auditing;
using Moatown.ServiceDefaults.Inspection;

namespace Moatown.UnitTests.Inspection;

public sealed class InspectionWarningsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_well_kept_service_has_no_warning()
    {
        Assert.Empty(InspectionWarnings.For([Service()], [], null, Now));
    }

    [Fact]
    public void Plain_text_in_a_personal_data_column_is_critical()
    {
        var service = Service() with { Stores = [Store(values: 10, encrypted: 9)] };

        var warning = Assert.Single(InspectionWarnings.For([service], [], null, Now));

        Assert.Equal(("critical", "encryption"), (warning.Severity, warning.Area));
        Assert.Contains("1 of 10 values in roll_entries.owner_name_protected", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_under_a_retired_key_and_an_old_key_are_due_for_rotation()
    {
        var store = Store(values: 10, encrypted: 10) with { ByKey = new Dictionary<string, long> { ["k2"] = 7, ["k1"] = 3 } };
        var service = Service() with
        {
            Stores = [store],
            Keys = [new KeyStatus("personal-data", "k2", true, Now.AddDays(-400), null, null), new KeyStatus("personal-data", "k1", false, Now.AddDays(-800), null, null)],
        };

        var warnings = InspectionWarnings.For([service], [], null, Now);

        Assert.Contains(warnings, w => w.Message.Contains("3 values in roll_entries.owner_name_protected are still under key k1", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Message.Contains("key k2 was issued", StringComparison.Ordinal) && w.Message.Contains("rotation is due", StringComparison.Ordinal));
    }

    [Fact]
    public void Certificates_warn_a_month_ahead_and_are_critical_once_expired()
    {
        var service = Service() with
        {
            Certificates = [Certificate("seal", Now.AddDays(20)), Certificate("tsa", Now.AddDays(-1)), Certificate("root", Now.AddYears(5))],
        };

        var warnings = InspectionWarnings.For([service], [], null, Now);

        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w is { Severity: "warning", Area: "certificates" } && w.Message.Contains("seal", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w is { Severity: "critical", Area: "certificates" } && w.Message.Contains("expired", StringComparison.Ordinal));
    }

    [Fact]
    public void A_broken_or_unstamped_chain_an_owner_run_service_and_no_backup_are_reported()
    {
        var service = Service() with
        {
            Audit = Audit() with { Intact = false, Problem = "record 2 was changed after it was written", LastAnchoredAt = Now.AddDays(-3) },
            Database = new DatabaseControls(null, "off", 0, null, 0, null),
        };

        var warnings = InspectionWarnings.For([service], ["notifications"], null, Now);

        Assert.Contains(warnings, w => w is { Severity: "critical", Area: "audit" } && w.Message.Contains("record 2 was changed", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w is { Severity: "warning", Area: "audit" } && w.Message.Contains("last time-stamped", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w is { Area: "database" });
        Assert.Contains(warnings, w => w is { Area: "backup" } && w.Message.Contains("archive_mode = off", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w is { Severity: "critical", Area: "availability", Service: "notifications" });
    }

    [Fact]
    public void Accounts_without_two_factor_are_critical_and_dormant_or_locked_ones_are_warned()
    {
        var accounts = new StaffAccountFigures(3, 3,
            WithoutTwoFactor: [new AccountFinding(Guid.NewGuid(), "kim", ["organizer"], null)],
            Dormant: [new AccountFinding(Guid.NewGuid(), "lee", ["auditor"], Now.AddDays(-120))],
            Locked: [new AccountFinding(Guid.NewGuid(), "park", ["district-officer"], Now)],
            FailedSignIns: 7, PrivilegeChanges: [], WindowDays: 30,
            AwaitingActivation: [
                new AccountFinding(Guid.NewGuid(), "choi", ["auditor"], null) { ActivationExpiresAt = Now.AddDays(-1) },
                new AccountFinding(Guid.NewGuid(), "jung", ["auditor"], null) { ActivationExpiresAt = Now.AddDays(2) }]);

        var warnings = InspectionWarnings.For([Service()], [], accounts, Now);

        Assert.Contains(warnings, w => w is { Severity: "critical", Area: "accounts" } && w.Message.Contains("kim", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w is { Severity: "warning", Area: "accounts" } && w.Message.Contains("lee is dormant", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w is { Severity: "warning", Area: "accounts" } && w.Message.Contains("park is locked", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w is { Severity: "warning", Area: "accounts" } && w.Message.Contains("choi was never activated", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Message.Contains("jung", StringComparison.Ordinal));
    }

    private static ServiceInspection Service() => new("campaigns", Now,
        new DatabaseControls("campaignsdb_runtime", "on", 120, Now.AddMinutes(-5), 0, null),
        [Store(values: 10, encrypted: 10)],
        [new KeyStatus("personal-data", "k2", true, Now.AddDays(-30), null, null)],
        [Certificate("seal", Now.AddYears(2))],
        Audit(), []);

    private static EncryptedStore Store(long values, long encrypted) =>
        new("roll_entries", "owner_name_protected", "owner's name", "AES-256-GCM (field)", values, encrypted, new Dictionary<string, long> { ["k2"] = encrypted });

    private static CertificateStatus Certificate(string name, DateTimeOffset notAfter) => new(name, $"CN={name}", notAfter.AddYears(-1), notAfter);

    private static AuditApi.AuditVerificationView Audit() => new(true, 10, 10, "ab", null, null, 3, Now.AddMinutes(-30), []);
}
