using Moatown.Campaigns.Registry;

namespace Moatown.Campaigns.Counting;

/// <summary>
/// A person, corporation or managing authority on the roll (rule 2), once however many rows name
/// them. Public rows are held by their managing authority, which counts once (rule 7).
/// </summary>
public sealed class RollHolder
{
    internal RollHolder(int index, HolderKey key, string name, OwnerType type, bool isAuthority)
    {
        Index = index;
        Key = key;
        Name = name;
        Type = type;
        IsAuthority = isAuthority;
    }

    public HolderKey Key { get; }

    /// <summary>The person's or corporation's name; for public land, the managing authority.</summary>
    public string Name { get; }

    public OwnerType Type { get; }

    public bool IsAuthority { get; }

    /// <summary>
    /// Only when every row of the holder says so: a person reachable through any one of their
    /// properties is not unlocatable (rule 8 is about persons, not rows).
    /// </summary>
    public bool IsUnlocatable { get; internal set; } = true;

    /// <summary>Position in the roll's holder list, in order of first appearance; indexes the counting arrays.</summary>
    internal int Index { get; }

    public override string ToString() => Name;
}
