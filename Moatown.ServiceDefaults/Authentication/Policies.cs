using Microsoft.AspNetCore.Authorization;

namespace Moatown.ServiceDefaults.Authentication;

public static class Policies
{
    public static string ScopeOf(string scope) => $"scope:{scope}";

    /// <summary>A policy requiring this service's scope and one of the given roles.</summary>
    public static AuthorizationPolicy ScopeAndRoles(string scope, params string[] roles) =>
        new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.HasScope(scope))
            .RequireRole(roles)
            .Build();

    /// <summary>Client ids of the system's own services (client credentials) start with this.</summary>
    public const string ServiceClientPrefix = "service-";

    /// <summary>
    /// A policy for an internal endpoint: this service's scope, and a token issued to one of the
    /// named service clients (its subject), never to a person or an outside system.
    /// </summary>
    public static AuthorizationPolicy ServiceCaller(string scope, params string[] serviceClients) =>
        new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.HasScope(scope)
                && context.User.FindFirst("sub")?.Value is { } subject
                && subject.StartsWith(ServiceClientPrefix, StringComparison.Ordinal)
                && serviceClients.Contains(subject, StringComparer.Ordinal))
            .Build();

    /// <summary>
    /// A resident with a signer token: its scope and both the campaign and the holder it names.
    /// Staff and machine tokens never carry the scope, so they cannot act as a resident.
    /// </summary>
    public static AuthorizationPolicy Signer() =>
        new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.HasScope(SignerClaims.Scope)
                && Guid.TryParse(context.User.FindFirst(SignerClaims.Campaign)?.Value, out _)
                && Guid.TryParse(context.User.FindFirst(SignerClaims.Holder)?.Value, out _))
            .Build();
}
