using Microsoft.AspNetCore.Antiforgery;
using QRCoder;
using static Moatown.Identity.Staff.StaffPage;

namespace Moatown.Identity.Staff;

/// <summary>
/// The staff sign-in pages: user name and password, then the code from the authenticator app;
/// on first sign-in the activation code sets the password and the app is enrolled. Each step ends
/// back at /connect/authorize, which issues the authorization code.
/// </summary>
public static class AccountPages
{
    private const string SignInPath = "/account/sign-in";
    private const string CodePath = "/account/code";
    private const string ActivatePath = "/account/activate";
    private const string EnrolPath = "/account/enrol";
    private const string Refused = "아이디 또는 비밀번호가 올바르지 않습니다 (User name or password is not right).";
    private const string CodeRefused = "인증 코드가 올바르지 않습니다 (The code is not right).";
    private const string ActivationRefused = "아이디 또는 활성화 코드가 올바르지 않습니다 (User name or activation code is not right).";

    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("/account").AllowAnonymous().ExcludeFromDescription();
        pages.MapGet("/sign-in", (HttpContext context, string? returnUrl) => SignInPage(context, returnUrl, null));
        pages.MapPost("/sign-in", (Delegate)SignInAsync);
        pages.MapGet("/code", (Delegate)CodePageAsync);
        pages.MapPost("/code", (Delegate)CodeAsync);
        pages.MapGet("/activate", (HttpContext context, string? returnUrl) => ActivatePage(context, returnUrl, null));
        pages.MapPost("/activate", (Delegate)ActivateAsync);
        pages.MapGet("/enrol", (Func<HttpContext, StaffSignIn, string?, CancellationToken, Task<IResult>>)EnrolPageAsync);
        pages.MapPost("/enrol", (Delegate)EnrolAsync);
        pages.MapGet("/signed-in", (HttpContext context) => Render(context, "로그인되었습니다 (Signed in)",
            "<p>이 창을 닫아도 됩니다 (You may close this window).</p>"));
        return app;
    }

    private static IResult SignInPage(HttpContext context, string? returnUrl, string? error, int status = 200) =>
        Render(context, "직원 로그인 (Staff sign-in)",
            Error(error) + Form(context, SignInPath, returnUrl,
                Field("userName", "아이디 (User name)", "text", "username", extra: "autocapitalize=\"none\" spellcheck=\"false\"")
                + Field("password", "비밀번호 (Password)", "password", "current-password"),
                "로그인 (Sign in)")
            + $"""<p class="hint">처음이신가요? <a href="{Encode(ActivatePath + Query(returnUrl))}">활성화 코드로 시작 (First time? Activate your account)</a></p>""",
            status);

    private static async Task<IResult> SignInAsync(HttpContext context, StaffSignIn signIn, CancellationToken cancellationToken)
    {
        if (await ReadFormAsync(context) is not { } form)
        {
            return SignInPage(context, null, "페이지가 만료되었습니다. 다시 시도하세요 (The page expired; try again).", 400);
        }
        var returnUrl = form["returnUrl"].ToString();
        var account = await signIn.CheckPasswordAsync(form["userName"], form["password"], cancellationToken);
        if (account is null)
        {
            return SignInPage(context, returnUrl, Refused, 400);
        }
        await StaffSession.SignInAsync(context, account.Id, StaffSession.PasswordStage);
        return Results.Redirect((account.MfaEnrolledAt is null ? EnrolPath : CodePath) + Query(returnUrl));
    }

    private static async Task<IResult> CodePageAsync(HttpContext context, string? returnUrl) =>
        await StaffSession.CurrentAsync(context) is { Stage: StaffSession.PasswordStage }
            ? CodePage(context, returnUrl, null)
            : Results.Redirect(SignInPath + Query(returnUrl));

    private static IResult CodePage(HttpContext context, string? returnUrl, string? error, int status = 200) =>
        Render(context, "2단계 인증 (Two-step verification)",
            Error(error) + "<p>인증 앱에 표시된 6자리 코드를 입력하세요 (Enter the 6-digit code from your authenticator app).</p>"
            + Form(context, CodePath, returnUrl, CodeField("인증 코드 (Code)"), "확인 (Verify)"),
            status);

    private static async Task<IResult> CodeAsync(HttpContext context, StaffSignIn signIn, CancellationToken cancellationToken)
    {
        var form = await ReadFormAsync(context);
        var returnUrl = form?["returnUrl"].ToString();
        if (form is null || await StaffSession.CurrentAsync(context) is not { Stage: StaffSession.PasswordStage } session)
        {
            return Results.Redirect(SignInPath + Query(returnUrl));
        }
        if (!await signIn.CheckCodeAsync(session.AccountId, form["code"], cancellationToken))
        {
            return CodePage(context, returnUrl, CodeRefused, 400);
        }
        await StaffSession.SignInAsync(context, session.AccountId, StaffSession.CompleteStage);
        return Results.Redirect(Continue(returnUrl));
    }

    private static IResult ActivatePage(HttpContext context, string? returnUrl, string? error, int status = 200) =>
        Render(context, "계정 활성화 (Activate your account)",
            Error(error) + "<p>관리자에게 받은 활성화 코드로 비밀번호를 정하세요 (Set your password with the activation code from your administrator).</p>"
            + Form(context, ActivatePath, returnUrl,
                Field("userName", "아이디 (User name)", "text", "username", extra: "autocapitalize=\"none\" spellcheck=\"false\"")
                + Field("activationCode", "활성화 코드 (Activation code)", "text", "off", extra: "autocapitalize=\"characters\" spellcheck=\"false\"")
                + Field("password", $"새 비밀번호, {StaffRules.PasswordMinLength}자 이상 (New password, at least {StaffRules.PasswordMinLength} characters)", "password", "new-password",
                    extra: $"minlength=\"{StaffRules.PasswordMinLength}\" maxlength=\"{StaffRules.PasswordMaxLength}\"")
                + Field("passwordConfirmation", "새 비밀번호 확인 (Repeat the new password)", "password", "new-password"),
                "활성화 (Activate)"),
            status);

    private static async Task<IResult> ActivateAsync(HttpContext context, StaffSignIn signIn, CancellationToken cancellationToken)
    {
        if (await ReadFormAsync(context) is not { } form)
        {
            return ActivatePage(context, null, "페이지가 만료되었습니다. 다시 시도하세요 (The page expired; try again).", 400);
        }
        var returnUrl = form["returnUrl"].ToString();
        var password = form["password"].ToString();
        if (StaffRules.PasswordProblem(password, form["passwordConfirmation"]) is { } problem)
        {
            return ActivatePage(context, returnUrl, problem, 400);
        }
        var account = await signIn.ActivateAsync(form["userName"], form["activationCode"], password, cancellationToken);
        if (account is null)
        {
            return ActivatePage(context, returnUrl, ActivationRefused, 400);
        }
        await StaffSession.SignInAsync(context, account.Id, StaffSession.PasswordStage);
        return Results.Redirect(EnrolPath + Query(returnUrl));
    }

    private static async Task<IResult> EnrolPageAsync(HttpContext context, StaffSignIn signIn, string? returnUrl, CancellationToken cancellationToken) =>
        await EnrolPageAsync(context, signIn, returnUrl, null, 200, cancellationToken);

    private static async Task<IResult> EnrolPageAsync(HttpContext context, StaffSignIn signIn, string? returnUrl, string? error, int status, CancellationToken cancellationToken)
    {
        if (await StaffSession.CurrentAsync(context) is not { Stage: StaffSession.PasswordStage } session
            || await signIn.PendingTotpAsync(session.AccountId, cancellationToken) is not { } pending)
        {
            return Results.Redirect(SignInPath + Query(returnUrl));
        }
        var uri = StaffSecrets.OtpAuthUri(pending.Account.UserName, pending.Secret);
        var png = Convert.ToBase64String(PngByteQRCodeHelper.GetQRCode(uri, QRCodeGenerator.ECCLevel.M, 6));
        var grouped = string.Join(' ', pending.Secret.Chunk(4).Select(chunk => new string(chunk)));
        return Render(context, "인증 앱 등록 (Set up your authenticator app)",
            Error(error)
            + "<p>모든 직원 계정은 2단계 인증을 사용합니다. 인증 앱(Google Authenticator, Microsoft Authenticator 등)으로 QR 코드를 찍거나 비밀 키를 입력하세요 "
            + "(Every staff account uses two-step verification. Scan the QR code with an authenticator app, or type the secret key).</p>"
            + $"""<img src="data:image/png;base64,{png}" width="246" height="246" alt="QR code holding the secret key">"""
            + $"""<p>비밀 키 (Secret key): <code id="totp-secret">{Encode(grouped)}</code></p>"""
            + Form(context, EnrolPath, returnUrl, CodeField("앱에 표시된 코드 (Code shown in the app)"), "등록 확인 (Confirm)"),
            status);
    }

    private static async Task<IResult> EnrolAsync(HttpContext context, StaffSignIn signIn, CancellationToken cancellationToken)
    {
        var form = await ReadFormAsync(context);
        var returnUrl = form?["returnUrl"].ToString();
        if (form is null || await StaffSession.CurrentAsync(context) is not { Stage: StaffSession.PasswordStage } session)
        {
            return Results.Redirect(SignInPath + Query(returnUrl));
        }
        if (!await signIn.ConfirmTotpAsync(session.AccountId, form["code"], cancellationToken))
        {
            return await EnrolPageAsync(context, signIn, returnUrl, CodeRefused, 400, cancellationToken);
        }
        await StaffSession.SignInAsync(context, session.AccountId, StaffSession.CompleteStage);
        return Results.Redirect(Continue(returnUrl));
    }

    /// <summary>The posted form when its antiforgery token is valid; null otherwise.</summary>
    private static async Task<IFormCollection?> ReadFormAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            return null;
        }
        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return null;
        }
        return await context.Request.ReadFormAsync();
    }

    /// <summary>Only back into the authorization endpoint here: the pages never redirect elsewhere (no open redirect).</summary>
    private static string Continue(string? returnUrl) =>
        IsAuthorizeUrl(returnUrl) ? returnUrl! : "/account/signed-in";

    private static bool IsAuthorizeUrl(string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith("/connect/authorize?", StringComparison.Ordinal)
        && !returnUrl.Contains('\\', StringComparison.Ordinal);

    private static string Query(string? returnUrl) =>
        IsAuthorizeUrl(returnUrl) ? "?returnUrl=" + Uri.EscapeDataString(returnUrl!) : "";
}
