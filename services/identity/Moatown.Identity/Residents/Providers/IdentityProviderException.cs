namespace Moatown.Identity.Residents.Providers;

/// <summary>Why a redemption failed, so the flow can answer the resident (and alert operators) accordingly.</summary>
public enum IdentityProviderFailure
{
    /// <summary>The provider refused the code: unknown, already used, expired, or issued for another redirect (invalid_grant). The resident starts again.</summary>
    CodeRejected,

    /// <summary>The provider refused our client or request (invalid_client, invalid_request…): a configuration fault for operators.</summary>
    ClientRejected,

    /// <summary>The provider could not be reached, timed out or failed (5xx). Worth trying again later.</summary>
    Unavailable,

    /// <summary>The answer was not the verified claims expected (missing or malformed name, birth date or CI).</summary>
    InvalidResponse,

    /// <summary>The answer belongs to another authorization request (its nonce differs): a replayed or mixed-up code.</summary>
    NonceMismatch,
}

/// <summary>A failed redemption. The message names the provider and the reason, never personal data.</summary>
public sealed class IdentityProviderException(string provider, IdentityProviderFailure failure, string message, Exception? inner = null)
    : Exception($"Identity provider '{provider}': {message}", inner)
{
    public string Provider { get; } = provider;

    public IdentityProviderFailure Failure { get; } = failure;
}
