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
}
