namespace Moatown.Documents.Rendering;

/// <summary>
/// The owner a form is rendered for, from the roll. The name is printed on the owner's own form
/// (it is their document) and nowhere else: never log it, and the evidence page uses
/// <see cref="HolderId"/> instead.
/// </summary>
public sealed record OwnerParticulars(
    Guid HolderId,
    string OwnerName,
    string? BirthDateMasked,
    IReadOnlyList<OwnedProperty> Properties);

/// <summary>
/// One property of the owner as the roll has it. <see cref="Kind"/> is the roll's kind
/// (<c>land</c>, <c>building</c>, <c>superficies</c>); <see cref="Share"/> is "n/d".
/// </summary>
public sealed record OwnedProperty(
    string PropertyId,
    string Kind,
    string LotNumber,
    decimal? LandAreaM2,
    string Share);
