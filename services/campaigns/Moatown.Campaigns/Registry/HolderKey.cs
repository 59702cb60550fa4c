using System.Globalization;

namespace Moatown.Campaigns.Registry;

/// <summary>The identity of a legal person on a roll, stable across rows and roll versions.</summary>
public readonly record struct HolderKey(string Value)
{
    public static HolderKey Of(RollRow row) => row switch
    {
        { OwnerType: OwnerType.Public, ManagingAuthority: { } authority } => new($"authority:{authority}"),
        { OwnerId: { Length: > 0 } id } => new($"id:{id}"),
        // Invariant culture: the key must be the same on every server, whatever its locale.
        { OwnerType: OwnerType.Person } => new(string.Create(CultureInfo.InvariantCulture, $"person:{row.OwnerName}|{row.BirthDate:yyyy-MM-dd}")),
        _ => new($"corporation:{row.OwnerName}"),
    };

    public override string ToString() => Value;
}
