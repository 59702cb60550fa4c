using System.Text;
using System.Text.RegularExpressions;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.Identity.Staff;

/// <summary>What a staff account's fields may hold; every check names the field it refuses.</summary>
public static partial class StaffRules
{
    public const int UserNameMaxLength = 64;
    public const int DisplayNameMaxLength = 100;
    public const int DistrictMaxLength = 50;
    public const int PasswordMinLength = 12;
    public const int PasswordMaxLength = 128;
    public const int FailuresBeforeLockout = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ActivationLifetime = TimeSpan.FromHours(72);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{2,63}$")]
    private static partial Regex UserNamePattern();

    public static void CheckUserName(string? userName, Dictionary<string, string[]> errors)
    {
        if (userName is null || !UserNamePattern().IsMatch(StaffAccount.Normalize(userName)))
        {
            errors["userName"] = ["3 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit."];
        }
    }

    public static void CheckDisplayName(string? displayName, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > DisplayNameMaxLength)
        {
            errors["displayName"] = [$"Required, at most {DisplayNameMaxLength} characters."];
        }
    }

    /// <summary>Roles known to the system, at least one; a district exactly when one of them is district officer.</summary>
    public static (List<string> Roles, string? District) CheckRoles(IReadOnlyList<string>? roles, string? district, Dictionary<string, string[]> errors)
    {
        var known = (roles ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (known.Count == 0 || known.Any(role => !Roles.Staff.Contains(role)))
        {
            errors["roles"] = [$"One or more of: {string.Join(", ", Roles.Staff)}."];
            return ([], null);
        }
        var normalizedDistrict = district?.Trim().Normalize(NormalizationForm.FormC);
        if (known.Contains(Roles.DistrictOfficer))
        {
            if (string.IsNullOrEmpty(normalizedDistrict) || normalizedDistrict.Length > DistrictMaxLength)
            {
                errors["district"] = [$"A district officer needs a district (e.g. 중랑구), at most {DistrictMaxLength} characters."];
            }
            return (known, normalizedDistrict);
        }
        if (!string.IsNullOrEmpty(normalizedDistrict))
        {
            errors["district"] = ["Only a district officer is bound to a district."];
        }
        return (known, null);
    }

    /// <summary>Null when acceptable, otherwise why not (in Korean and English, shown on the page).</summary>
    public static string? PasswordProblem(string? password, string? confirmation)
    {
        if (password is null || password.Length < PasswordMinLength || password.Length > PasswordMaxLength)
        {
            return $"비밀번호는 {PasswordMinLength}자 이상 {PasswordMaxLength}자 이하 (Password: {PasswordMinLength} to {PasswordMaxLength} characters).";
        }
        return password != confirmation ? "비밀번호 확인이 일치하지 않습니다 (The two passwords differ)." : null;
    }
}
