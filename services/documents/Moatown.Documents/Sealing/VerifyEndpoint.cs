using Microsoft.Extensions.Options;

namespace Moatown.Documents.Sealing;

/// <summary>
/// <c>POST /api/documents/verify</c> with the PDF as the body (<c>Content-Type: application/pdf</c>).
/// Anonymous on purpose: the product promises a check anyone holding the document can run (an owner, the
/// district office, a court), and the answer says nothing the document does not already carry.
/// The content type is checked here rather than declared with <c>Accepts</c>: routing would answer a wrong
/// type from an endpoint of its own, which the fallback policy closes with 401 instead of 415.
/// </summary>
public static class VerifyEndpoint
{
    public static WebApplication MapDocumentVerification(this WebApplication app)
    {
        app.MapPost("/api/documents/verify", async Task<IResult> (HttpRequest request, SealVerifier verifier, IOptions<VerificationOptions> options, CancellationToken cancellationToken) =>
        {
            if (request.ContentType?.Split(';')[0].Trim() is not "application/pdf")
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the PDF as the body",
                    detail: "Content-Type must be application/pdf.");
            }
            var maxBytes = options.Value.MaxBytes;
            var pdf = await RequestBodies.ReadAsync(request, maxBytes, cancellationToken);
            if (pdf is null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Document too large",
                    detail: $"At most {maxBytes} bytes are accepted.");
            }
            if (!PdfSignatureReader.LooksLikePdf(pdf))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not a PDF",
                    detail: "The body does not start with a PDF header.");
            }
            return await verifier.VerifyAsync(pdf, cancellationToken) is { } result
                ? TypedResults.Ok(result)
                : TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "No signature",
                    detail: "The PDF carries no signature to verify.");
        })
        .AllowAnonymous()
        .Produces<DocumentVerification>()
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .WithTags("Verification");
        return app;
    }
}
