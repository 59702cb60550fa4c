using System.Security.Cryptography;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;

namespace Moatown.Documents.Sealing;

/// <summary>What the seal says about itself: shown by PDF readers beside the signature.</summary>
public sealed record SealRequest(string Reason, string Location = "Seoul", string? ContactInfo = null);

/// <summary>A sealed PDF, its SHA-256 (lower-case hex) and the TSA's time.</summary>
public sealed record SealedDocument(byte[] Pdf, string Sha256, DateTimeOffset TimestampedAt);

/// <summary>
/// Seals a PDF with the provider's certificate: PAdES (CMS, /ETSI.CAdES.detached) over the whole file but
/// the signature itself, with an RFC 3161 time-stamp of the signature embedded. Nothing is sealed without
/// a TSA's time: when the TSA fails, <see cref="TimestampUnavailableException"/> reaches the caller, who
/// retries later.
/// </summary>
public sealed class ConsentSealer(SealingKeys keys, ITimestampAuthority tsa)
{
    /// <exception cref="ArgumentException">The bytes are not a PDF PDFsharp can open.</exception>
    /// <exception cref="TimestampUnavailableException">The TSA gave no valid token; nothing was sealed.</exception>
    public async Task<SealedDocument> SealAsync(byte[] pdf, SealRequest request, CancellationToken cancellationToken)
    {
        if (PdfSignatureReader.Read(pdf) is not null)
        {
            // PDFsharp rewrites the whole file, which would break a signature already in it.
            throw new ArgumentException("The PDF is already signed.", nameof(pdf));
        }
        var document = Open(pdf);
        using var output = new MemoryStream();
        var signer = new CadesSigner(keys.Seal, tsa, () => SubFilterPatch.Apply(output), cancellationToken);
        DigitalSignatureHandler.ForDocument(document, signer, new DigitalSignatureOptions
        {
            Reason = request.Reason,
            Location = request.Location,
            ContactInfo = request.ContactInfo ?? "",
            AppName = "Moatown e-consent",
            AppearanceHandler = new InvisibleAppearance(),
        });

        await document.SaveAsync(output, closeStream: false);
        var sealedPdf = output.ToArray();
        if (signer.TimestampedAt is not { } timestampedAt)
        {
            throw new InvalidOperationException("PDFsharp saved the document without asking for its signature.");
        }
        return new SealedDocument(sealedPdf, Convert.ToHexStringLower(SHA256.HashData(sealedPdf)), timestampedAt);
    }

    private static PdfDocument Open(byte[] pdf)
    {
        try
        {
            return PdfReader.Open(new MemoryStream(pdf, writable: false), PdfDocumentOpenMode.Modify);
        }
        catch (Exception e) when (e is PdfReaderException or InvalidOperationException or FormatException or IOException or NotImplementedException)
        {
            throw new ArgumentException("The bytes are not a PDF that can be sealed.", nameof(pdf), e);
        }
    }
}
