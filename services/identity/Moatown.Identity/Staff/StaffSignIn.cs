using Microsoft.EntityFrameworkCore;
using Moatown.Identity.Data;
using Moatown.ServiceDefaults.Auditing;
using static Moatown.Identity.Staff.StaffAuditActions;

namespace Moatown.Identity.Staff;

/// <summary>
/// The checks behind the sign-in pages: password, second factor, activation and TOTP enrolment,
/// with the lockout (five failed passwords or codes in a row lock the account for fifteen minutes).
/// A refusal never says why: an unknown user name, a locked or disabled account and a wrong
/// password look the same from outside; the audit trail keeps the reason.
/// </summary>
public sealed class StaffSignIn(IdentityDbContext db, StaffSecrets secrets, StaffAudit audit, TimeProvider time)
{
    /// <summary>The account when the password is right and the account may sign in; null otherwise.</summary>
    public async Task<StaffAccount?> CheckPasswordAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        var account = string.IsNullOrWhiteSpace(userName) ? null
            : await db.StaffAccounts.SingleOrDefaultAsync(a => a.NormalizedUserName == StaffAccount.Normalize(userName), cancellationToken);
        // Always a full PBKDF2 run, so the time taken does not tell a known user name from an unknown one.
        var passwordRight = StaffPasswords.Verify(account?.PasswordHash, password ?? "");
        if (account is null)
        {
            await audit.RecordAsync(SignIn, StaffAuditActions.UnknownAccount, Failure, detail: Reason(UnknownUser), cancellationToken: cancellationToken);
            return null;
        }
        var refusal = Refusal(account) ?? (account.PasswordHash is null ? NotActivated : null);
        if (refusal is not null)
        {
            await audit.RecordAsync(SignIn, Resource(account.Id), Failure, account.Id.ToString(), Reason(refusal), cancellationToken);
            return null;
        }
        if (!passwordRight)
        {
            return await FailAsync(account, SignIn, BadPassword, cancellationToken);
        }
        if (StaffPasswords.NeedsRehash(account.PasswordHash!))
        {
            account.PasswordHash = StaffPasswords.Hash(password!);
        }
        // The failure count is reset only after the second factor: otherwise a known password would buy unlimited code guesses.
        return await SaveAsync(cancellationToken) ? account : null;
    }

    /// <summary>The second factor for an account whose password was just right. True when the sign-in is complete.</summary>
    public async Task<bool> CheckCodeAsync(Guid accountId, string? code, CancellationToken cancellationToken)
    {
        var account = await db.StaffAccounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null || account.MfaEnrolledAt is null)
        {
            return false;
        }
        if (Refusal(account) is { } refusal)
        {
            await audit.RecordAsync(SecondFactor, Resource(account.Id), Failure, account.Id.ToString(), Reason(refusal), cancellationToken);
            return false;
        }
        if (!secrets.TryUseCode(account, code))
        {
            return await FailAsync(account, SecondFactor, BadCode, cancellationToken) is not null;
        }
        return await SucceedAsync(account, SignIn, cancellationToken);
    }

    /// <summary>First sign-in: the activation code sets the password. The account then enrols its second factor.</summary>
    public async Task<StaffAccount?> ActivateAsync(string? userName, string? activationCode, string password, CancellationToken cancellationToken)
    {
        var account = string.IsNullOrWhiteSpace(userName) ? null
            : await db.StaffAccounts.SingleOrDefaultAsync(a => a.NormalizedUserName == StaffAccount.Normalize(userName), cancellationToken);
        if (account is null)
        {
            await audit.RecordAsync(Activation, StaffAuditActions.UnknownAccount, Failure, detail: Reason(UnknownUser), cancellationToken: cancellationToken);
            return null;
        }
        if (Refusal(account) is { } refusal)
        {
            await audit.RecordAsync(Activation, Resource(account.Id), Failure, account.Id.ToString(), Reason(refusal), cancellationToken);
            return null;
        }
        if (!StaffSecrets.ActivationCodeMatches(account, activationCode) || account.ActivationExpiresAt <= time.GetUtcNow())
        {
            return await FailAsync(account, Activation, BadActivationCode, cancellationToken);
        }
        var now = time.GetUtcNow();
        account.PasswordHash = StaffPasswords.Hash(password);
        account.PasswordChangedAt = now;
        account.ActivationCodeHash = null;
        account.ActivationExpiresAt = null;
        if (!await SaveAsync(cancellationToken))
        {
            return null;
        }
        await audit.RecordAsync(Activation, Resource(account.Id), Success, account.Id.ToString(), cancellationToken: cancellationToken);
        return account;
    }

    /// <summary>The secret to enrol (made once and kept, encrypted, until confirmed), or null when the account cannot enrol now.</summary>
    public async Task<(StaffAccount Account, string Secret)?> PendingTotpAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var account = await db.StaffAccounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null || account.MfaEnrolledAt is not null || Refusal(account) is not null)
        {
            return null;
        }
        if (account.TotpSecret is null)
        {
            account.TotpSecret = secrets.ProtectTotpSecret(StaffSecrets.NewTotpSecret());
            account.TotpLastStep = null;
            if (!await SaveAsync(cancellationToken))
            {
                return null;
            }
        }
        return (account, secrets.TotpSecret(account));
    }

    /// <summary>Confirms enrolment with a first code from the app; this also completes the sign-in.</summary>
    public async Task<bool> ConfirmTotpAsync(Guid accountId, string? code, CancellationToken cancellationToken)
    {
        var account = await db.StaffAccounts.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        if (account is null || account.MfaEnrolledAt is not null || Refusal(account) is not null)
        {
            return false;
        }
        if (!secrets.TryUseCode(account, code))
        {
            return await FailAsync(account, MfaEnrolled, BadCode, cancellationToken) is not null;
        }
        account.MfaEnrolledAt = time.GetUtcNow();
        if (!await SucceedAsync(account, SignIn, cancellationToken))
        {
            return false;
        }
        await audit.RecordAsync(MfaEnrolled, Resource(account.Id), Success, account.Id.ToString(), cancellationToken: cancellationToken);
        return true;
    }

    private string? Refusal(StaffAccount account) =>
        !account.IsActive ? AccountDisabled : account.IsLocked(time.GetUtcNow()) ? Locked : null;

    private async Task<bool> SucceedAsync(StaffAccount account, string action, CancellationToken cancellationToken)
    {
        account.FailedAttempts = 0;
        account.LockedUntil = null;
        account.LastSignInAt = time.GetUtcNow();
        if (!await SaveAsync(cancellationToken))
        {
            return false;
        }
        await audit.RecordAsync(action, Resource(account.Id), Success, account.Id.ToString(), cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>Counts the failure and locks at the limit. Always null (a refusal), typed for the callers' convenience.</summary>
    private async Task<StaffAccount?> FailAsync(StaffAccount account, string action, string reason, CancellationToken cancellationToken)
    {
        account.FailedAttempts++;
        var locked = account.FailedAttempts >= StaffRules.FailuresBeforeLockout;
        if (locked)
        {
            account.LockedUntil = time.GetUtcNow() + StaffRules.LockoutDuration;
            account.FailedAttempts = 0;
        }
        // A lost race with another attempt on the same account is a refusal either way.
        await SaveAsync(cancellationToken);
        await audit.RecordAsync(action, Resource(account.Id), Failure, account.Id.ToString(), Reason(reason), cancellationToken);
        if (locked)
        {
            await audit.RecordAsync(Lockout, Resource(account.Id), Success, account.Id.ToString(),
                new Dictionary<string, string> { ["until"] = account.LockedUntil!.Value.ToString("O") }, cancellationToken);
        }
        return null;
    }

    /// <summary>False when another request changed the account first (its row version moved on).</summary>
    private async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static Dictionary<string, string> Reason(string reason) => new() { ["reason"] = reason };

    private const string Success = AuditOutcomes.Success;
    private const string Failure = AuditOutcomes.Failure;
}
