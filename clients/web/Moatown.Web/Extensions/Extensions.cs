using Moatown.Web.Display;
using Moatown.Web.Gateway;
using Moatown.Web.Residents;
using Moatown.Web.Staff;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddCascadingAuthenticationState();

        builder.AddDisplayPreferences();
        builder.AddGatewayClients();
        builder.AddStaffSignIn();
        builder.AddStaffCampaigns();
        builder.AddResidentSessions();
    }

    /// <summary>
    /// People see pages, not problem details: a failure shows the error page, an unknown address
    /// the not-found page, both in the visitor's language and with a way on.
    /// </summary>
    public static WebApplication UseWebErrorHandling(this WebApplication app)
    {
        // The gateway in front forwards the visitor's address; identity throttles by it.
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        return app;
    }
}
