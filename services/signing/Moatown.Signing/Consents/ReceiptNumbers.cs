namespace Moatown.Signing.Consents;

internal static class ReceiptNumbers
{
    /// <summary>"MT-1A2B-3C4D-5E6F": short enough to read out on the phone, from the random part of the consent id.</summary>
    public static string Of(Guid consentId)
    {
        var hex = consentId.ToString("N").ToUpperInvariant()[^12..];
        return $"MT-{hex[..4]}-{hex[4..8]}-{hex[8..]}";
    }
}
