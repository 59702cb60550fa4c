using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Moatown.Identity.Authorization;
using Moatown.ServiceDefaults.Auditing;
using Moatown.ServiceDefaults.Authentication;
using OpenIddict.Abstractions;

namespace Moatown.Identity.Apis;

/// <summary>
/// Other city systems as OAuth clients (client credentials): role <c>city-system</c>, bound to one
/// district, allowed the <c>campaigns</c> scope only, so they may read their district's public consent
/// events (backfill) and nothing else. Provider admins register and remove them; the secret is shown once.
/// </summary>
public static partial class CitySystemsApi
{
    public const string ClientIdPrefix = "city-";

    public sealed record NewCitySystem(string? ClientId, string? DisplayName, string? District);

    public sealed record CitySystemView(string ClientId, string? DisplayName, string District, IReadOnlyList<string> Scopes);

    public sealed record CreatedCitySystem(CitySystemView Client, string ClientSecret);

    public static RouteGroupBuilder MapCitySystemsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/city-systems").WithTags("City systems")
            .RequireAuthorization(StaffAccountsApi.ManagePolicy);
        api.MapGet("/", ListCitySystems).WithName(nameof(ListCitySystems));
        api.MapPost("/", CreateCitySystem).WithName(nameof(CreateCitySystem));
        api.MapDelete("/{clientId}", DeleteCitySystem).WithName(nameof(DeleteCitySystem));
        return api;
    }

    public static async Task<Ok<List<CitySystemView>>> ListCitySystems(IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var systems = new List<CitySystemView>();
        await foreach (var application in applications.ListAsync(cancellationToken: cancellationToken))
        {
            if (await ViewAsync(applications, application, cancellationToken) is { } view)
            {
                systems.Add(view);
            }
        }
        return TypedResults.Ok(systems.OrderBy(s => s.ClientId, StringComparer.Ordinal).ToList());
    }

    public static async Task<Results<Created<CreatedCitySystem>, ValidationProblem, ProblemHttpResult>> CreateCitySystem(
        NewCitySystem body, ClaimsPrincipal user, IOpenIddictApplicationManager applications, IAuditTrail audit, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var clientId = body.ClientId?.Trim();
        if (clientId is null || !ClientIdPattern().IsMatch(clientId))
        {
            errors["clientId"] = [$"Starts with \"{ClientIdPrefix}\", then 3 to 40 lower-case letters, digits or hyphens (e.g. city-jungnang-permits)."];
        }
        var district = body.District?.Trim().Normalize(NormalizationForm.FormC);
        if (string.IsNullOrEmpty(district) || district.Length > ClientDistrict.MaxLength)
        {
            errors["district"] = [$"The district (자치구) the system may see, e.g. 중랑구; at most {ClientDistrict.MaxLength} characters."];
        }
        var displayName = body.DisplayName?.Trim();
        if (displayName is { Length: > 100 })
        {
            errors["displayName"] = ["At most 100 characters."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (await applications.FindByClientIdAsync(clientId!, cancellationToken) is not null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Client id taken",
                detail: $"A client named {clientId} exists already. Choose another id, or remove the old one first.");
        }

        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = OpenIddictConstants.ClientTypes.Confidential,
            DisplayName = string.IsNullOrEmpty(displayName) ? null : displayName,
            Permissions =
            {
                OpenIddictConstants.Permissions.Endpoints.Token,
                OpenIddictConstants.Permissions.GrantTypes.ClientCredentials,
                OpenIddictConstants.Permissions.Prefixes.Scope + Scopes.Campaigns,
            },
            Properties =
            {
                [ClientRoles.PropertyName] = ClientRoles.ToProperty([Roles.CitySystem]),
                [ClientDistrict.PropertyName] = JsonSerializer.SerializeToElement(district),
            },
        };
        // The manager stores only a hash of the secret.
        await applications.CreateAsync(descriptor, cancellationToken);
        await audit.RecordAsync(new AuditEntry("city-system.created", $"client/{clientId}", AuditOutcomes.Success)
        {
            Detail = new Dictionary<string, string> { ["district"] = district!, ["scopes"] = Scopes.Campaigns },
        }, cancellationToken);
        return TypedResults.Created($"/api/identity/city-systems/{clientId}",
            new CreatedCitySystem(new CitySystemView(clientId!, descriptor.DisplayName, district!, [Scopes.Campaigns]), secret));
    }

    public static async Task<Results<NoContent, NotFound>> DeleteCitySystem(
        string clientId, IOpenIddictApplicationManager applications, IAuditTrail audit, CancellationToken cancellationToken)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        // Only city systems: this endpoint never removes a service's or the web client's registration.
        if (application is null || await ViewAsync(applications, application, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }
        await applications.DeleteAsync(application, cancellationToken);
        await audit.RecordAsync(new AuditEntry("city-system.deleted", $"client/{clientId}", AuditOutcomes.Success), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<CitySystemView?> ViewAsync(IOpenIddictApplicationManager applications, object application, CancellationToken cancellationToken)
    {
        var roles = await ClientRoles.GetAsync(applications, application, cancellationToken);
        if (!roles.Contains(Roles.CitySystem) || await ClientDistrict.GetAsync(applications, application, cancellationToken) is not { } district)
        {
            return null;
        }
        var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
        return new CitySystemView(
            (await applications.GetClientIdAsync(application, cancellationToken))!,
            await applications.GetDisplayNameAsync(application, cancellationToken),
            district,
            [.. permissions.Where(p => p.StartsWith(OpenIddictConstants.Permissions.Prefixes.Scope, StringComparison.Ordinal))
                .Select(p => p[OpenIddictConstants.Permissions.Prefixes.Scope.Length..])]);
    }

    [GeneratedRegex("^city-[a-z0-9-]{3,40}$")]
    private static partial Regex ClientIdPattern();
}
