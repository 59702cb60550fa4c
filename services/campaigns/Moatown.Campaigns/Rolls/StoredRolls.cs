using System.Globalization;
using System.Numerics;
using Microsoft.EntityFrameworkCore;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.Model;
using Moatown.Campaigns.Registry;
using Moatown.Campaigns.Residents;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.Campaigns.Rolls;

/// <summary>Turns roll rows into stored entries and back, encrypting and decrypting personal data.</summary>
internal static class StoredRolls
{
    public static RollEntry ToEntry(RollRow row, Guid rollVersionId, Guid holderId, RollFieldSealer protector) => new()
    {
        RollVersionId = rollVersionId,
        HolderId = holderId,
        Line = row.Line,
        PropertyId = row.PropertyId,
        PropertyKind = row.PropertyKind,
        LotNumber = row.LotNumber,
        LandAreaM2 = row.LandAreaM2,
        Share = row.Share.ToString(),
        IsRepresentative = row.IsRepresentative,
        OwnerType = row.OwnerType,
        ManagingAuthority = row.ManagingAuthority,
        Status = row.Status,
        OwnerIdProtected = ProtectOptional(holderId, row.OwnerId, PersonalDataPurposes.OwnerId, protector),
        OwnerNameProtected = protector.Protect(holderId, row.OwnerName, PersonalDataPurposes.Name),
        BirthDateProtected = ProtectOptional(holderId, row.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), PersonalDataPurposes.BirthDate, protector),
        PhoneProtected = ProtectOptional(holderId, row.Phone, PersonalDataPurposes.Phone, protector),
        AddressProtected = ProtectOptional(holderId, row.Address, PersonalDataPurposes.Address, protector),
        PersonIndex = ResidentMatchKeys.Person(row) is { } person ? protector.Index(person, PersonalDataPurposes.PersonIndex) : null,
        ContactIndex = ResidentMatchKeys.Contact(row) is { } contact ? protector.Index(contact, PersonalDataPurposes.ContactIndex) : null,
    };

    public static RollRow ToRow(RollEntry entry, PersonalDataProtector protector) => new()
    {
        Line = entry.Line,
        PropertyId = entry.PropertyId,
        PropertyKind = entry.PropertyKind,
        LotNumber = entry.LotNumber,
        LandAreaM2 = entry.LandAreaM2,
        Share = ParseShare(entry.Share),
        IsRepresentative = entry.IsRepresentative,
        OwnerType = entry.OwnerType,
        ManagingAuthority = entry.ManagingAuthority,
        Status = entry.Status,
        OwnerId = UnprotectOptional(entry.OwnerIdProtected, PersonalDataPurposes.OwnerId, protector),
        OwnerName = protector.Unprotect(entry.OwnerNameProtected, PersonalDataPurposes.Name),
        BirthDate = UnprotectOptional(entry.BirthDateProtected, PersonalDataPurposes.BirthDate, protector) is { } date
            ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null,
        Phone = UnprotectOptional(entry.PhoneProtected, PersonalDataPurposes.Phone, protector),
        Address = UnprotectOptional(entry.AddressProtected, PersonalDataPurposes.Address, protector),
    };

    /// <summary>The rows of a stored version, decrypted, in their original order.</summary>
    public static async Task<Roll> LoadAsync(CampaignsDbContext db, Guid rollVersionId, PersonalDataProtector protector, CancellationToken cancellationToken)
    {
        var entries = await db.RollEntries.AsNoTracking()
            .Where(e => e.RollVersionId == rollVersionId)
            .OrderBy(e => e.Line).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        return new Roll(entries.Select(e => ToRow(e, protector)).ToList());
    }

    public static Fraction ParseShare(string share)
    {
        var parts = share.Split('/');
        return parts.Length == 2
            ? new Fraction(BigInteger.Parse(parts[0], CultureInfo.InvariantCulture), BigInteger.Parse(parts[1], CultureInfo.InvariantCulture))
            : new Fraction(BigInteger.Parse(share, CultureInfo.InvariantCulture), 1);
    }

    private static string? ProtectOptional(Guid holderId, string? value, string purpose, RollFieldSealer protector) =>
        string.IsNullOrEmpty(value) ? null : protector.Protect(holderId, value, purpose);

    private static string? UnprotectOptional(string? value, string purpose, PersonalDataProtector protector) =>
        value is null ? null : protector.Unprotect(value, purpose);
}
