using System.Collections.Immutable;
using System.Text.Json;
using Moatown.ServiceDefaults.Authentication;
using OpenIddict.Abstractions;

namespace Moatown.Identity.Authorization;

/// <summary>
/// The staff roles a machine client acts with, stored on its OpenIddict application as the
/// property "roles" (a JSON array of role names).
/// </summary>
internal static class ClientRoles
{
    public const string PropertyName = "roles";

    public static JsonElement ToProperty(IEnumerable<string> roles) => JsonSerializer.SerializeToElement(roles.ToArray());

    /// <summary>Known roles only: a stray value in the database never becomes a token claim.</summary>
    public static async Task<ImmutableArray<string>> GetAsync(
        IOpenIddictApplicationManager applications, object application, CancellationToken cancellationToken)
    {
        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        if (!properties.TryGetValue(PropertyName, out var roles) || roles.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. roles.EnumerateArray()
            .Where(role => role.ValueKind == JsonValueKind.String)
            .Select(role => role.GetString()!)
            .Where(Roles.All.Contains)
            .Distinct(StringComparer.Ordinal)];
    }
}
