namespace Moatown.Documents.Sealing;

/// <summary><c>Documents:Verification</c>.</summary>
public sealed class VerificationOptions
{
    public const string Section = "Documents:Verification";

    /// <summary>Largest PDF accepted by <c>POST /api/documents/verify</c>; the gateway's own body limit (10 MB by default) applies first.</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}
