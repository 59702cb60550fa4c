using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Moatown.Signing.Consents;
using Moatown.Signing.Data;
using Moatown.Signing.Model;

namespace Moatown.Signing.Apis;

/// <summary>
/// Signing and withdrawing, for the holder the signer token names. Submissions are sealed afterwards;
/// the answer is 202 and the consent's status says when its sealed document is ready.
/// </summary>
public static class ConsentsApi
{
    public static RouteGroupBuilder MapConsentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/signing")
            .RequireAuthorization(SignerSessionApi.SignerPolicy)
            .WithTags("Signer")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        api.MapPost("/consents", SignConsent).WithName(nameof(SignConsent))
            .WithSummary("Sign the consent form")
            .WithDescription("Agreement to every statutory item, the drawn signature and an idempotency key; a repeat returns the first result.");
        api.MapPost("/withdrawals", WithdrawConsent).WithName(nameof(WithdrawConsent))
            .WithSummary("Withdraw the consent (철회)")
            .WithDescription("Needs a verification of the last few minutes; sealed as its own document.");
        api.MapGet("/consents/current", GetCurrentConsent).WithName(nameof(GetCurrentConsent))
            .WithSummary("Where the holder stands now")
            .WithDescription("For a returning resident: the consent that counts (or the one a later withdrawal took back) and that withdrawal; the holder's own only.");
        api.MapGet("/consents/{consentId:guid}", GetConsent).WithName(nameof(GetConsent))
            .WithSummary("A submission of the holder and its sealing status");
        api.MapGet("/consents/{consentId:guid}/document", GetSealedDocument).WithName(nameof(GetSealedDocument))
            .WithSummary("The holder's own sealed PDF")
            .WithDescription("Once sealed: the signed form with its PAdES signature and time-stamp, to keep or to check with POST /api/documents/verify.");
        return api;
    }

    public static async Task<Results<Accepted<ConsentResponse>, Ok<ConsentResponse>, ValidationProblem, ProblemHttpResult>> SignConsent(
        SignRequest request, ClaimsPrincipal user, HttpContext http, ConsentSubmissions submissions, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return await SubmitAsync(ConsentKind.Consent, request, user, http, submissions, cancellationToken);
    }

    public static async Task<Results<Accepted<ConsentResponse>, Ok<ConsentResponse>, ValidationProblem, ProblemHttpResult>> WithdrawConsent(
        SignRequest request, ClaimsPrincipal user, HttpContext http, ConsentSubmissions submissions, IOptions<SigningOptions> options,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = request.Validate(withdrawal: true);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (user.SignerOf().VerifiedAt is not { } verifiedAt || time.GetUtcNow() - verifiedAt > options.Value.FreshVerification)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Verify again to withdraw",
                detail: "동의를 철회하려면 본인확인을 다시 해 주세요. 문자 인증번호를 새로 받아 입력하시면 됩니다.",
                extensions: new Dictionary<string, object?> { ["reason"] = "verification-not-fresh" });
        }
        return await SubmitAsync(ConsentKind.Withdrawal, request, user, http, submissions, cancellationToken);
    }

    public static async Task<Results<Ok<ConsentResponse>, NotFound>> GetConsent(
        Guid consentId, ClaimsPrincipal user, SigningDbContext db, CancellationToken cancellationToken)
    {
        var signer = user.SignerOf();
        // Only the holder's own: another's consent is simply not found.
        var consent = await db.Consents.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == consentId && c.CampaignId == signer.CampaignId && c.HolderId == signer.HolderId, cancellationToken);
        return consent is null ? TypedResults.NotFound() : TypedResults.Ok(ConsentResponse.From(consent));
    }

    public static async Task<Ok<CurrentConsent>> GetCurrentConsent(ClaimsPrincipal user, SigningDbContext db, CancellationToken cancellationToken)
    {
        var signer = user.SignerOf();
        var latest = await db.Consents.AsNoTracking()
            .Where(c => c.CampaignId == signer.CampaignId && c.HolderId == signer.HolderId)
            .OrderByDescending(c => c.SubmittedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is null)
        {
            return TypedResults.Ok(new CurrentConsent("none", null, null));
        }
        if (latest.Kind == ConsentKind.Consent)
        {
            return TypedResults.Ok(new CurrentConsent("consented", ConsentResponse.From(latest), null));
        }
        var withdrawn = await db.Consents.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == latest.WithdrawsConsentId && c.HolderId == signer.HolderId, cancellationToken);
        return TypedResults.Ok(new CurrentConsent("withdrawn", withdrawn is null ? null : ConsentResponse.From(withdrawn), ConsentResponse.From(latest)));
    }

    public static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> GetSealedDocument(
        Guid consentId, ClaimsPrincipal user, SigningDbContext db, Forms.DocumentsClient documents, CancellationToken cancellationToken)
    {
        var signer = user.SignerOf();
        var consent = await db.Consents.AsNoTracking()
            .FirstOrDefaultAsync(c => c.Id == consentId && c.CampaignId == signer.CampaignId && c.HolderId == signer.HolderId, cancellationToken);
        if (consent is null)
        {
            return TypedResults.NotFound();
        }
        if (consent.DocumentId is not { } documentId)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not sealed yet",
                detail: "서명한 동의서를 봉인하는 중입니다. 잠시 뒤에 다시 받아 주세요.", extensions: new Dictionary<string, object?> { ["reason"] = "sealing" });
        }
        var pdf = await documents.GetContentAsync(documentId, cancellationToken);
        return pdf is null ? TypedResults.NotFound()
            : TypedResults.File(pdf, "application/pdf", $"{(consent.Kind == ConsentKind.Withdrawal ? "철회서" : "동의서")}-{ReceiptNumbers.Of(consent.Id)}.pdf");
    }

    private static async Task<Results<Accepted<ConsentResponse>, Ok<ConsentResponse>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        ConsentKind kind, SignRequest request, ClaimsPrincipal user, HttpContext http, ConsentSubmissions submissions, CancellationToken cancellationToken)
    {
        var outcome = await submissions.SubmitAsync(user.SignerOf(), new ConsentSubmission(kind, request.IdempotencyKey!, request.FormSha256!,
            request.AgreedItems ?? [], request.Signature!, http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString()),
            cancellationToken);
        return outcome switch
        {
            { Refusal: SubmissionRefusal.FormNotReviewed } => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Form not reviewed",
                detail: "서명하기 전에 동의서를 다시 열어 읽어 주세요(동의서가 바뀌었거나 아직 열지 않았습니다).",
                extensions: new Dictionary<string, object?> { ["reason"] = "form-not-reviewed" }),
            { Refusal: SubmissionRefusal.NotEveryItemAgreed } => TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Every item must be agreed", detail: "동의서의 모든 항목에 하나씩 동의해야 서명할 수 있습니다. 빠진 항목을 확인해 주세요.",
                extensions: new Dictionary<string, object?> { ["reason"] = "not-every-item-agreed" }),
            { Refusal: SubmissionRefusal.NothingToWithdraw } => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing to withdraw",
                detail: "철회할 전자 동의가 없습니다. 종이로 동의하셨다면 추진위원회에 철회서를 내 주세요.",
                extensions: new Dictionary<string, object?> { ["reason"] = "nothing-to-withdraw" }),
            { Repeated: true, Consent: { } first } => TypedResults.Ok(ConsentResponse.From(first)),
            { Consent: { } created } => TypedResults.Accepted($"/api/signing/consents/{created.Id}", ConsentResponse.From(created)),
            _ => throw new InvalidOperationException("A submission ended without a consent or a refusal."),
        };
    }
}

/// <param name="IdempotencyKey">Made by the client once per signing (e.g. a UUID): sending again returns the first result.</param>
/// <param name="FormSha256">The hash the form review showed: the holder signs exactly that PDF.</param>
/// <param name="AgreedItems">Every statutory item, 1-based; consent needs all of them.</param>
public sealed record SignRequest(string? IdempotencyKey, string? FormSha256, IReadOnlyList<int>? AgreedItems, SignatureArtwork? Signature)
{
    internal Dictionary<string, string[]> Validate(bool withdrawal = false)
    {
        var errors = new Dictionary<string, string[]>();
        if (IdempotencyKey is not { Length: >= 8 and <= 100 })
        {
            errors["idempotencyKey"] = ["Send a key of 8 to 100 characters, the same for every retry of this signing."];
        }
        if (FormSha256 is not { Length: 64 } || !FormSha256.All(Uri.IsHexDigit))
        {
            errors["formSha256"] = ["Send the form's SHA-256 as shown with the form (64 hex digits)."];
        }
        if (!withdrawal && (AgreedItems is not { Count: > 0 } || AgreedItems.Distinct().Count() != AgreedItems.Count))
        {
            errors["agreedItems"] = ["모든 항목에 동의해야 서명할 수 있습니다 (agree to every statutory item, each once)."];
        }
        if (Signature?.Problem() is { } problem)
        {
            errors["signature"] = [problem];
        }
        else if (Signature is null)
        {
            errors["signature"] = ["서명을 그려 주세요 (draw the signature)."];
        }
        return errors;
    }
}

/// <param name="ReceiptNumber">What the holder writes down or reads out to the organizer.</param>
/// <param name="DocumentHash">"sha256:…" of the sealed PDF, once sealed.</param>
public sealed record ConsentResponse(Guid ConsentId, string Kind, string Status, string ReceiptNumber, DateTimeOffset SubmittedAt,
    DateTimeOffset? SealedAt, string? DocumentHash, DateTimeOffset? TimestampedAt)
{
    internal static ConsentResponse From(Consent consent) => new(consent.Id, ConsentSubmissions.WireKind(consent.Kind),
        consent.Status.ToString().ToLowerInvariant(), ReceiptNumbers.Of(consent.Id), consent.SubmittedAt, consent.SealedAt, consent.DocumentHash,
        consent.TimestampedAt);
}

/// <param name="State">"none" (nothing submitted), "consented" (a consent stands, sealed or sealing) or "withdrawn".</param>
/// <param name="Consent">The standing consent, or the one the withdrawal took back.</param>
/// <param name="Withdrawal">The withdrawal, when the state is "withdrawn".</param>
public sealed record CurrentConsent(string State, ConsentResponse? Consent, ConsentResponse? Withdrawal);
