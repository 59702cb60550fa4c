using Microsoft.AspNetCore.Components.Authorization;
using Moatown.ServiceDefaults.Authentication;
using Moatown.Web.Staff;
using Moatown.Web.Staff.Campaigns;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Files staff download from a campaign (the QR poster, the QR code, the submission package):
/// the web client asks the gateway with the staff member's token and streams the answer on, so the
/// token stays on the server. A refusal sends the person back to the campaign with what happened.
/// </summary>
internal static class StaffCampaignFiles
{
    public static void AddStaffCampaigns(this IHostApplicationBuilder builder) =>
        builder.Services.AddScoped<StaffCampaigns>();

    public static void MapStaffCampaignFiles(this WebApplication app)
    {
        var files = app.MapGroup("/staff/campaigns/{id:guid}").ExcludeFromDescription();
        var readers = new[] { Roles.Organizer, Roles.DistrictOfficer, Roles.ProviderAdmin };
        files.MapGet("/poster.pdf", (Guid id, HttpContext context, StaffApi api, CancellationToken cancellationToken) =>
            ForwardAsync(context, api, $"/api/campaigns/{id}/poster.pdf", id, "poster", cancellationToken))
            .RequireAuthorization(policy => policy.RequireRole(readers));
        files.MapGet("/qr.svg", (Guid id, HttpContext context, StaffApi api, CancellationToken cancellationToken) =>
            ForwardAsync(context, api, $"/api/campaigns/{id}/qr.svg", id, "qr", cancellationToken))
            .RequireAuthorization(policy => policy.RequireRole(readers));
        // The vault's policy: the campaign's organizer and its district's officers.
        files.MapGet("/package.zip", (Guid id, HttpContext context, StaffApi api, CancellationToken cancellationToken) =>
            ForwardAsync(context, api, $"/api/documents/campaigns/{id}/package", id, "package", cancellationToken))
            .RequireAuthorization(policy => policy.RequireRole(Roles.Organizer, Roles.DistrictOfficer));
    }

    private static async Task ForwardAsync(HttpContext context, StaffApi api, string path, Guid id, string what, CancellationToken cancellationToken)
    {
        // StaffApi reads the person from Blazor's authentication state; outside a component it is the request's user.
        if (context.RequestServices.GetRequiredService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider host)
        {
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(context.User)));
        }
        using var client = await api.ClientAsync(cancellationToken);
        if (client is null)
        {
            context.Response.Redirect($"/staff/sign-in?returnUrl={Uri.EscapeDataString($"/staff/campaigns/{id}")}");
            return;
        }
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            context.Response.Redirect($"/staff/campaigns/{id}?file={what}&status={(int)response.StatusCode}");
            return;
        }
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";
        if (response.Content.Headers.ContentDisposition is { } disposition)
        {
            context.Response.Headers.ContentDisposition = disposition.ToString();
        }
        if (response.Content.Headers.ContentLength is { } length)
        {
            context.Response.ContentLength = length;
        }
        // Packages hold personal data; posters and codes are cheap to fetch again.
        context.Response.Headers.CacheControl = "no-store";
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await body.CopyToAsync(context.Response.Body, cancellationToken);
    }
}
