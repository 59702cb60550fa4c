namespace Moatown.Identity.Residents.Providers;

/// <summary>
/// A certificate provider (PASS, Kakao, Naver, or the simulated one) that verifies a resident on its own
/// pages: the resident's browser is sent to <see cref="BuildAuthorizationUri"/>, comes back to the
/// redirect address with a code and the state, and the code is redeemed over the backchannel.
/// </summary>
public interface IIdentityProvider
{
    /// <summary>The configuration name, e.g. "simulated", "pass", "kakao".</summary>
    string Name { get; }

    /// <summary>What residents see on the button, e.g. "PASS 인증서".</summary>
    string DisplayName { get; }

    /// <summary>
    /// Where to send the resident's browser. <paramref name="state"/> comes back on the callback unchanged
    /// (the flow matches it to its pending verification); <paramref name="nonce"/> comes back inside the
    /// verified answer and must be passed to <see cref="RedeemAsync"/>.
    /// </summary>
    Uri BuildAuthorizationUri(string state, string nonce, Uri redirectUri);

    /// <summary>
    /// Exchanges the callback's code for the verified person. The redirect address must be the one the
    /// authorization was started with. Throws <see cref="IdentityProviderException"/> on any failure.
    /// </summary>
    Task<VerifiedPerson> RedeemAsync(string code, Uri redirectUri, string expectedNonce, CancellationToken cancellationToken);
}
