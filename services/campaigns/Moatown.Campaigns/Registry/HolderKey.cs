using System.Globalization;

namespace Moatown.Campaigns.Registry;

/// <summary>The identity of a legal person on a roll, stable across rows and roll versions.</summary>
public readonly record struct HolderKey(string Value)
{
    public static HolderKey Of(RollRow row) => row switch
    {
        { OwnerType: OwnerType.Public, ManagingAuthority: { } authority } => OfAuthority(authority),
        { OwnerId: { Length: > 0 } id } => new($"id:{id}"),
        { OwnerType: OwnerType.Person } => OfPerson(row.OwnerName, row.BirthDate),
        _ => new($"corporation:{row.OwnerName}"),
    };

    /// <summary>A managing authority of public land, which counts once however many parcels it manages.</summary>
    public static HolderKey OfAuthority(string authority) => new($"authority:{authority}");

    /// <summary>A person the roll gives no owner_id: by name and birth date.</summary>
    // Invariant culture: the key must be the same on every server, whatever its locale.
    public static HolderKey OfPerson(string name, DateOnly? birthDate) =>
        new(string.Create(CultureInfo.InvariantCulture, $"person:{name}|{birthDate:yyyy-MM-dd}"));

    public override string ToString() => Value;
}
