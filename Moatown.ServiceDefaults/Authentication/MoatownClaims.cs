namespace Moatown.ServiceDefaults.Authentication;

/// <summary>Claim types of our own, as carried in access tokens beside the standard ones.</summary>
public static class MoatownClaims
{
    /// <summary>
    /// The district (자치구, e.g. "중랑구") a district officer is bound to: a district office reviews
    /// the campaigns of its own district only.
    /// </summary>
    public const string District = "district";
}
