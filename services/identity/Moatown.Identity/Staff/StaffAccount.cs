namespace Moatown.Identity.Staff;

/// <summary>
/// A person who works in the system (provider admin, organizer, district officer, auditor). The
/// id is the <c>sub</c> of their tokens. Secrets are never stored as given: the password as a
/// PBKDF2 hash, the activation code as a SHA-256 hash, the TOTP secret and the display name
/// encrypted with the personal-data key.
/// </summary>
public sealed class StaffAccount
{
    public Guid Id { get; init; }
    /// <summary>The login id as the admin typed it (shown back).</summary>
    public required string UserName { get; init; }
    /// <summary>The login id as compared: trimmed, lower-case invariant, so "Admin" and "admin" are one account.</summary>
    public required string NormalizedUserName { get; init; }
    /// <summary>Encrypted (<see cref="StaffSecrets.DisplayNamePurpose"/>).</summary>
    public required string DisplayName { get; set; }
    public string? PasswordHash { get; set; }
    public List<string> Roles { get; set; } = [];
    /// <summary>District officers only.</summary>
    public string? District { get; set; }
    /// <summary>Encrypted base32 TOTP secret; set but not yet confirmed while <see cref="MfaEnrolledAt"/> is null.</summary>
    public string? TotpSecret { get; set; }
    /// <summary>The last 30-second step a code was accepted for: that step and earlier ones are spent.</summary>
    public long? TotpLastStep { get; set; }
    public DateTimeOffset? MfaEnrolledAt { get; set; }
    public int FailedAttempts { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DisabledAt { get; set; }
    public DateTimeOffset? PasswordChangedAt { get; set; }
    /// <summary>Hex SHA-256 of the one-time activation code (never the code).</summary>
    public string? ActivationCodeHash { get; set; }
    public DateTimeOffset? ActivationExpiresAt { get; set; }
    /// <summary>PostgreSQL's row version: two sign-ins racing on one account cannot both spend a TOTP step.</summary>
    public uint Version { get; set; }

    public bool IsActive => DisabledAt is null;
    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;

    public static string Normalize(string userName) => userName.Trim().ToLowerInvariant();
}
