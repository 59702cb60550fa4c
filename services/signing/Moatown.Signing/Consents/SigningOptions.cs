namespace Moatown.Signing.Consents;

/// <summary>Section <c>Signing</c>.</summary>
public sealed class SigningOptions
{
    public const string SectionName = "Signing";

    /// <summary>A withdrawal needs a verification at most this old ("after a fresh verification").</summary>
    public TimeSpan FreshVerification { get; set; } = TimeSpan.FromMinutes(10);
}
