namespace Moatown.ServiceDefaults.Authentication;

/// <summary>Staff roles, as carried in the access token's "role" claim.</summary>
public static class Roles
{
    public const string ProviderAdmin = "provider-admin";
    public const string Organizer = "organizer";
    public const string DistrictOfficer = "district-officer";
    public const string Auditor = "auditor";
    /// <summary>Another city system (a machine client) reading public consent events, bound to a district like an officer.</summary>
    public const string CitySystem = "city-system";

    public static readonly IReadOnlyList<string> All = [ProviderAdmin, Organizer, DistrictOfficer, Auditor, CitySystem];
}
