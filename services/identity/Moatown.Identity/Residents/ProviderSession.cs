namespace Moatown.Identity.Residents;

/// <summary>
/// One verification through a certificate provider: started by the resident's client, which keeps
/// the session secret; completed by the provider's redirect to our callback (matched by the state);
/// redeemed once for a signer token by the client that holds the secret. Secrets are kept only hashed.
/// </summary>
public sealed class ProviderSession
{
    public Guid Id { get; init; }
    public Guid CampaignId { get; init; }
    public required string Provider { get; init; }
    /// <summary>SHA-256 of the state sent to the provider (256 random bits).</summary>
    public required string StateHash { get; init; }
    /// <summary>The nonce the provider must echo in its answer; useless without the code.</summary>
    public required string Nonce { get; init; }
    /// <summary>SHA-256 of the secret only the starting client holds.</summary>
    public required string SecretHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }
    /// <summary>"ok" or why not: "cancelled", "provider-failed", "not-on-roll", "ambiguous", "campaign-not-open".</summary>
    public string? Outcome { get; set; }
    public Guid? HolderId { get; set; }
    public DateTimeOffset? RedeemedAt { get; set; }
    public required string ClientKey { get; init; }
}
