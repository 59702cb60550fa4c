namespace Moatown.Documents.Rendering;

/// <summary>The roll's property kinds as the form names them in Korean.</summary>
internal static class PropertyKinds
{
    public static string Korean(string kind) => kind.Trim().ToLowerInvariant() switch
    {
        "land" => "토지",
        "building" => "건축물",
        "superficies" => "지상권",
        // An unknown kind is a roll the form cannot describe truthfully: refuse rather than guess.
        _ => throw new ConsentFormInputException($"Unknown property kind '{kind}': expected land, building or superficies.", "owner"),
    };
}
