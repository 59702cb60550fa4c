using System.Text.Json.Serialization;

namespace Moatown.Identity.Residents.Providers;

/// <summary>An RFC 6749 error answer from a token endpoint.</summary>
internal sealed record OAuthError(
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("error_description")] string? Description);
