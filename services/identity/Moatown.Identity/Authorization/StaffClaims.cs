using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using Moatown.Identity.Staff;
using Moatown.ServiceDefaults.Authentication;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Moatown.Identity.Authorization;

/// <summary>The identity a staff member's tokens carry: the account id as subject, its roles, and a district for a district officer only.</summary>
internal static class StaffClaims
{
    /// <summary>Whether the account may hold tokens at all: active, second factor enrolled, at least one role.</summary>
    public static bool MayHoldTokens(StaffAccount account) =>
        account.IsActive && account.MfaEnrolledAt is not null && account.Roles.Any(Roles.Staff.Contains);

    public static async Task<ClaimsPrincipal> PrincipalAsync(
        StaffAccount account, IEnumerable<string> requestedScopes, IOpenIddictScopeManager scopes, CancellationToken cancellationToken)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Subject, Claims.Role);
        identity.SetClaim(Claims.Subject, account.Id.ToString());
        var roles = account.Roles.Where(Roles.Staff.Contains).Distinct(StringComparer.Ordinal).ToList();
        identity.SetClaims(Claims.Role, [.. roles]);
        if (roles.Contains(Roles.DistrictOfficer) && account.District is { Length: > 0 } district)
        {
            identity.SetClaim(MoatownClaims.District, district);
        }
        // A person's token never acts as a resident's, whatever was asked for.
        identity.SetScopes(requestedScopes.Where(scope => scope != SignerClaims.Scope));
        identity.SetResources(await scopes.ListResourcesAsync(identity.GetScopes(), cancellationToken).ToListAsync(cancellationToken));
        identity.SetDestinations(static _ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
