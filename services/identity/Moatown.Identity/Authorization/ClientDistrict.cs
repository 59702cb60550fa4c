using System.Text;
using System.Text.Json;
using Moatown.ServiceDefaults.Authentication;
using OpenIddict.Abstractions;

namespace Moatown.Identity.Authorization;

/// <summary>
/// The district a district officer's machine client is bound to, stored on its OpenIddict
/// application as the property "district" (a string such as "중랑구").
/// </summary>
internal static class ClientDistrict
{
    public const string PropertyName = MoatownClaims.District;

    /// <summary>Matches the campaigns service's district column, so a longer value could never match a campaign.</summary>
    public const int MaxLength = 50;

    /// <summary>The client's district, or null when it has none or the stored value is not a usable name.</summary>
    public static async Task<string?> GetAsync(
        IOpenIddictApplicationManager applications, object application, CancellationToken cancellationToken)
    {
        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        if (!properties.TryGetValue(PropertyName, out var district) || district.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        // Composed Hangul, as the campaigns service stores it: "중랑구" typed on another system may arrive decomposed.
        var value = district.GetString()?.Trim().Normalize(NormalizationForm.FormC);
        return string.IsNullOrEmpty(value) || value.Length > MaxLength ? null : value;
    }
}
