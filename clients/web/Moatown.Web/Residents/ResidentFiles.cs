using Moatown.Web.Residents;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The PDFs a resident opens: the form before signing ("PDF 보기") and their sealed document. The web
/// app streams them from the signing service with the signer token from the cookie, so the token
/// never reaches the browser. Without a live token the resident lands on the status page, which says
/// how to verify again.
/// </summary>
internal static class ResidentFiles
{
    public static void MapResidentFlow(this WebApplication app)
    {
        var files = app.MapGroup("/resident").ExcludeFromDescription();
        files.MapGet("/form.pdf", (HttpContext http, ResidentSessionStore sessions, ResidentApi api) =>
            StreamAsync(http, sessions, api, "/api/signing/form/pdf", inline: true));
        files.MapGet("/consents/{consentId:guid}/document", (Guid consentId, HttpContext http, ResidentSessionStore sessions, ResidentApi api) =>
            StreamAsync(http, sessions, api, $"/api/signing/consents/{consentId}/document", inline: false));
    }

    private static async Task<IResult> StreamAsync(HttpContext http, ResidentSessionStore sessions, ResidentApi api, string path, bool inline)
    {
        if (sessions.Verified() is not { SignerToken: { } token })
        {
            return TypedResults.LocalRedirect("/resident");
        }
        var response = await api.GetFileAsync(token, path, http.RequestAborted);
        if (!response.IsSuccessStatusCode)
        {
            var problem = await ApiProblem.ReadAsync(response, http.RequestAborted);
            response.Dispose();
            if (sessions.Read() is { } session)
            {
                sessions.Write(session with { Notice = problem.Status == 401 ? ResidentMessages.For("session-expired") : ResidentMessages.For(problem) });
            }
            return TypedResults.LocalRedirect("/resident");
        }
        http.Response.RegisterForDispose(response);
        var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "moatown.pdf";
        var stream = await response.Content.ReadAsStreamAsync(http.RequestAborted);
        // Inline: the phone's own viewer opens the form; the sealed document is a file to keep.
        return inline
            ? TypedResults.Stream(stream, "application/pdf")
            : TypedResults.Stream(stream, "application/pdf", name);
    }
}
