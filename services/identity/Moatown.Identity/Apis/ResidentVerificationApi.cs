using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Moatown.Identity.Residents;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.Identity.Apis;

/// <summary>
/// The resident door, open without a token (a resident has none yet): start a verification from a
/// personal link or from the QR entry page, then send the code from the text message for a signer
/// token. Every refusal is a problem detail with a <c>reason</c> and a <c>residentMessage</c> in
/// plain Korean that says what to do next.
/// </summary>
public static class ResidentVerificationApi
{
    public static RouteGroupBuilder MapResidentVerificationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/resident-verifications")
            .AllowAnonymous()
            .WithTags("Resident verification")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPost("/link", StartFromLink).WithName(nameof(StartFromLink))
            .WithSummary("Start a verification from a personal link")
            .WithDescription("Sends a 6-digit code to the phone number on the roll for the holder the link names.");
        api.MapPost("/entry", StartFromEntry).WithName(nameof(StartFromEntry))
            .WithSummary("Start a verification from the campaign's QR entry page")
            .WithDescription("Name, birth date and phone as the resident typed them. The answer is the same, and as slow, whether or not they match the roll; a code goes only to the number on the roll.");
        api.MapPost("/{challengeId:guid}/code", CheckCode).WithName(nameof(CheckCode))
            .WithSummary("Send the code from the text message")
            .WithDescription("The right code within 3 minutes and 5 attempts gives a signer token for the signing service.");
        return api;
    }

    public static async Task<Results<Created<StartedChallenge>, ValidationProblem, ProblemHttpResult>> StartFromLink(
        LinkVerificationRequest request, HttpContext http, ResidentVerification verification, ClientAddresses clients, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Token) || request.Token.Length > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["token"] = ["Send the token from the personal link."] });
        }
        var outcome = await verification.StartFromLinkAsync(request.Token.Trim(), clients.KeyOf(http), cancellationToken);
        return outcome.Value is { } started
            ? TypedResults.Created($"/api/identity/resident-verifications/{started.ChallengeId}", started)
            : Refused(http, outcome.Refusal!);
    }

    public static async Task<Results<Accepted<StartedChallenge>, ValidationProblem, ProblemHttpResult>> StartFromEntry(
        EntryVerificationRequest request, HttpContext http, ResidentVerification verification, ClientAddresses clients, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.CampaignId is not { } campaignId || campaignId == Guid.Empty)
        {
            errors["campaignId"] = ["Send the campaign id from the QR code's address."];
        }
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            errors["name"] = ["이름을 입력해 주세요 (Give the name as on the roll)."];
        }
        if (!DateOnly.TryParseExact(request.BirthDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate))
        {
            errors["birthDate"] = ["생년월일을 1950-03-01 형식으로 입력해 주세요 (yyyy-MM-dd)."];
        }
        var phone = request.Phone is null ? null : KoreanMobile.ToE164(request.Phone);
        if (phone is null)
        {
            errors["phone"] = ["휴대전화 번호를 010-1234-5678 형식으로 입력해 주세요."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var outcome = await verification.StartFromEntryAsync(request.CampaignId!.Value, request.Name!, birthDate, phone!, clients.KeyOf(http), cancellationToken);
        return outcome.Value is { } started
            ? TypedResults.Accepted($"/api/identity/resident-verifications/{started.ChallengeId}", started)
            : Refused(http, outcome.Refusal!);
    }

    public static async Task<Results<Ok<VerifiedResident>, ValidationProblem, ProblemHttpResult>> CheckCode(
        Guid challengeId, CodeRequest request, HttpContext http, ResidentVerification verification, ClientAddresses clients, CancellationToken cancellationToken)
    {
        if (VerificationCodes.Normalize(request.Code) is not { } code)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = ["문자로 받은 6자리 숫자를 입력해 주세요."] });
        }
        var outcome = await verification.CheckCodeAsync(challengeId, code, clients.KeyOf(http), cancellationToken);
        return outcome.Value is { } verified ? TypedResults.Ok(verified) : Refused(http, outcome.Refusal!);
    }

    internal static ProblemHttpResult Refused(HttpContext http, ResidentRefusal refusal)
    {
        if (refusal.RetryAfter is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        return TypedResults.Problem(statusCode: refusal.Status, title: refusal.Title, detail: refusal.ResidentMessage,
            type: $"https://moatown.kr/problems/resident/{refusal.Reason}",
            extensions: new Dictionary<string, object?> { ["reason"] = refusal.Reason, ["residentMessage"] = refusal.ResidentMessage });
    }
}

/// <param name="Token">The token from the personal link (the part after /i/).</param>
public sealed record LinkVerificationRequest(string? Token);

/// <param name="BirthDate">yyyy-MM-dd.</param>
/// <param name="Phone">A Korean mobile number in any usual writing (010-1234-5678).</param>
public sealed record EntryVerificationRequest(Guid? CampaignId, string? Name, string? BirthDate, string? Phone);

public sealed record CodeRequest(string? Code);
