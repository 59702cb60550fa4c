namespace Moatown.ServiceDefaults.Authentication;

/// <summary>
/// The signer token: what the identity service issues to a resident who proved to be a holder on
/// a campaign's roll, for the signing service alone (its audience). It names one holder of one
/// campaign; a person on two campaigns' rolls verifies for each.
/// </summary>
public static class SignerClaims
{
    /// <summary>The scope of a signer token; no staff or machine client is ever granted it.</summary>
    public const string Scope = "consent";

    public const string Campaign = "campaign";
    public const string Holder = "holder";
    /// <summary>"sms" or "provider:{name}".</summary>
    public const string Method = "verification_method";
    /// <summary>When the verification succeeded (seconds since the epoch), as in OpenID Connect.</summary>
    public const string VerifiedAt = "auth_time";
}
