namespace Moatown.Signing.Consents;

/// <summary>
/// What the evidence page of the sealed document states about how the holder got here: how and when
/// they were verified, from where, with what, and every step's time. Stored encrypted (the client
/// address is personal data).
/// </summary>
public sealed record ConsentEvidence(
    string VerificationMethod,
    DateTimeOffset? VerifiedAt,
    string? ClientAddress,
    string? UserAgent,
    DateTimeOffset FormViewedAt,
    DateTimeOffset SubmittedAt,
    string FormSha256,
    string IdempotencyKeyHash);
