namespace Moatown.Web.Residents;

/// <summary>The steps between pages: what the session holds after each.</summary>
internal static class ResidentFlow
{
    /// <summary>A code is on its way: the code page takes over.</summary>
    public static ResidentSession Started(StartedChallenge challenge, string route, string? linkToken, string next = "/resident") => new()
    {
        Route = route,
        LinkToken = linkToken,
        CampaignId = challenge.CampaignId,
        CampaignName = challenge.CampaignName,
        ChallengeId = challenge.ChallengeId,
        MaskedPhone = challenge.MaskedPhone,
        StartMessage = challenge.ResidentMessage,
        CodeExpiresAt = challenge.ExpiresAt,
        AttemptsAllowed = challenge.AttemptsAllowed,
        AttemptsLeft = challenge.AttemptsAllowed,
        Next = next,
    };

    /// <summary>Verified: the signer token replaces the challenge (and any provider secret).</summary>
    public static ResidentSession Verified(ResidentSession? before, VerifiedResident verified) => (before ?? new ResidentSession()) with
    {
        CampaignId = verified.CampaignId,
        ChallengeId = null,
        AttemptsLeft = null,
        ProviderSessionId = null,
        ProviderSecret = null,
        ProviderUrl = null,
        SignerToken = verified.SignerToken,
        TokenExpiresAt = verified.ExpiresAt,
    };
}
