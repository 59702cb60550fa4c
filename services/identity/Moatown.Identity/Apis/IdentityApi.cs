using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.Identity.Apis;

public static class IdentityApi
{
    public static RouteGroupBuilder MapIdentityApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity")
            .RequireAuthorization(Policies.ScopeOf(Scopes.Identity))
            .WithTags("Identity")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/me", GetCaller)
            .WithName("GetCaller")
            .WithSummary("Who the access token says the caller is")
            .WithDescription("The subject, roles and scopes of the bearer token, as every service sees them.");

        return api;
    }

    public static Ok<Caller> GetCaller(ClaimsPrincipal user) =>
        TypedResults.Ok(new Caller(
            user.SubjectId(),
            [.. user.FindAll("role").Select(claim => claim.Value).Distinct(StringComparer.Ordinal)],
            [.. user.FindAll("scope")
                .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Distinct(StringComparer.Ordinal)]));
}

/// <param name="Subject">The staff account or OAuth client the token was issued to.</param>
/// <param name="Roles">Staff roles carried by the token.</param>
/// <param name="Scopes">Scopes granted to the token.</param>
public sealed record Caller(string Subject, IReadOnlyList<string> Roles, IReadOnlyList<string> Scopes);
