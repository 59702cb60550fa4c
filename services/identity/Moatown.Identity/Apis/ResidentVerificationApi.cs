using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Moatown.Identity.Residents;
using Moatown.Identity.Residents.Providers;
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

        api.MapGet("/providers", ListProviders).WithName(nameof(ListProviders))
            .WithSummary("The certificate providers a resident may verify with");
        api.MapPost("/provider", StartWithProvider).WithName(nameof(StartWithProvider))
            .WithSummary("Start a verification with a certificate provider")
            .WithDescription("For owners without a phone number on the roll: the provider's verified name and birth date are matched against it. Keep the session secret; send the browser to the authorization URL.");
        api.MapGet("/provider/callback", ProviderCallback).WithName(nameof(ProviderCallback))
            .WithSummary("Where the certificate provider sends the resident back")
            .WithDescription("Records the outcome and redirects the browser to the campaign's entry page with the verification id.");
        api.MapPost("/provider/{sessionId:guid}/token", RedeemProviderVerification).WithName(nameof(RedeemProviderVerification))
            .WithSummary("Collect the signer token of a finished certificate verification")
            .WithDescription("Once, with the session secret from the start.");
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

    public static Ok<List<ProviderChoice>> ListProviders(IdentityProviders providers) =>
        TypedResults.Ok(providers.All.Select(p => new ProviderChoice(p.Name, p.DisplayName)).ToList());

    public static async Task<Results<Created<StartedProviderVerification>, ValidationProblem, ProblemHttpResult>> StartWithProvider(
        ProviderVerificationRequest request, HttpContext http, ProviderVerification verification, ClientAddresses clients, CancellationToken cancellationToken)
    {
        if (request.CampaignId is not { } campaignId || campaignId == Guid.Empty)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["campaignId"] = ["Send the campaign id."] });
        }
        var outcome = await verification.StartAsync(campaignId, request.Provider, clients.KeyOf(http), cancellationToken);
        return outcome.Value is { } started
            ? TypedResults.Created($"/api/identity/resident-verifications/provider/{started.SessionId}", started)
            : Refused(http, outcome.Refusal!);
    }

    public static async Task<Results<RedirectHttpResult, ProblemHttpResult>> ProviderCallback(
        string? code, string? state, string? error, HttpContext http, ProviderVerification verification, ClientAddresses clients,
        CancellationToken cancellationToken)
    {
        var outcome = await verification.CompleteAsync(code, state, error, clients.KeyOf(http), cancellationToken);
        return outcome.Value is { } next ? TypedResults.Redirect(next.AbsoluteUri) : Refused(http, outcome.Refusal!);
    }

    public static async Task<Results<Ok<VerifiedResident>, ValidationProblem, ProblemHttpResult>> RedeemProviderVerification(
        Guid sessionId, ProviderTokenRequest request, HttpContext http, ProviderVerification verification, ClientAddresses clients,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.SessionSecret) || request.SessionSecret.Length > 100)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["sessionSecret"] = ["Send the session secret from the start."] });
        }
        var outcome = await verification.RedeemAsync(sessionId, request.SessionSecret, clients.KeyOf(http), cancellationToken);
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

/// <param name="Provider">A name from <c>/providers</c>; the first configured when not given.</param>
public sealed record ProviderVerificationRequest(Guid? CampaignId, string? Provider);

public sealed record ProviderTokenRequest(string? SessionSecret);

public sealed record ProviderChoice(string Name, string DisplayName);
