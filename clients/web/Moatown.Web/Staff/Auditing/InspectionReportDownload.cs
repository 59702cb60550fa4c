using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Moatown.Web.Staff;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// <c>/staff/inspection/report.pdf</c>: identity's inspection report PDF, fetched with the staff member's own
/// token (which never reaches the browser) and streamed on as it arrives.
/// </summary>
internal static class InspectionReportDownload
{
    public static void MapInspectionReportDownload(this WebApplication app) =>
        app.MapGet("/staff/inspection/report.pdf", DownloadAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = "auditor,provider-admin" })
            .ExcludeFromDescription();

    private static async Task<IResult> DownloadAsync(HttpContext context, StaffApi api, AuthenticationStateProvider authentication, CancellationToken cancellationToken)
    {
        // StaffApi finds the person in the authentication state; outside a component, this endpoint supplies it.
        if (authentication is IHostEnvironmentAuthenticationStateProvider host)
        {
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(context.User)));
        }
        var client = await api.ClientAsync(cancellationToken);
        if (client is null)
        {
            return Results.LocalRedirect("/staff/sign-in?returnUrl=/staff/inspection");
        }
        context.Response.RegisterForDispose(client);
        var response = await client.GetAsync("/api/identity/inspection/report.pdf", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        context.Response.RegisterForDispose(response);
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "application/pdf")
        {
            // A person gets the page back with what to do, not a problem document.
            return Results.LocalRedirect("/staff/inspection?pdf=failed");
        }
        context.Response.Headers.CacheControl = "no-store";
        var fileName = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "inspection.pdf";
        return Results.Stream(await response.Content.ReadAsStreamAsync(cancellationToken), "application/pdf", fileName);
    }
}
