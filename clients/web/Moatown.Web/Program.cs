using Moatown.Web.Components;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseWebErrorHandling();
app.UseContentSecurityPolicy();
app.UseDisplayPreferences();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapDefaultEndpoints();
app.MapStaticAssets();
app.MapDisplayPreferences();
app.MapStaffSignIn();
app.MapResidentFlow();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();
