using Microsoft.EntityFrameworkCore;

namespace Moatown.Identity.Staff;

internal static class StaffModel
{
    public static void MapStaff(this ModelBuilder modelBuilder) =>
        modelBuilder.Entity<StaffAccount>(account =>
        {
            account.ToTable("staff_accounts");
            account.HasKey(a => a.Id);
            account.Property(a => a.Id).HasColumnName("id");
            account.Property(a => a.UserName).HasColumnName("user_name").HasMaxLength(StaffRules.UserNameMaxLength);
            account.Property(a => a.NormalizedUserName).HasColumnName("normalized_user_name").HasMaxLength(StaffRules.UserNameMaxLength);
            account.HasIndex(a => a.NormalizedUserName).IsUnique();
            account.Property(a => a.DisplayName).HasColumnName("display_name");
            account.Property(a => a.PasswordHash).HasColumnName("password_hash").HasMaxLength(200);
            account.Property(a => a.Roles).HasColumnName("roles");
            account.Property(a => a.District).HasColumnName("district").HasMaxLength(50);
            account.Property(a => a.TotpSecret).HasColumnName("totp_secret");
            account.Property(a => a.TotpLastStep).HasColumnName("totp_last_step");
            account.Property(a => a.MfaEnrolledAt).HasColumnName("mfa_enrolled_at");
            account.Property(a => a.FailedAttempts).HasColumnName("failed_attempts");
            account.Property(a => a.LockedUntil).HasColumnName("locked_until");
            account.Property(a => a.LastSignInAt).HasColumnName("last_sign_in_at");
            account.Property(a => a.CreatedAt).HasColumnName("created_at");
            account.Property(a => a.DisabledAt).HasColumnName("disabled_at");
            account.Property(a => a.PasswordChangedAt).HasColumnName("password_changed_at");
            account.Property(a => a.ActivationCodeHash).HasColumnName("activation_code_hash").HasMaxLength(64);
            account.Property(a => a.ActivationExpiresAt).HasColumnName("activation_expires_at");
            account.Property(a => a.Version).IsRowVersion();
            account.Ignore(a => a.IsActive);
        });
}
