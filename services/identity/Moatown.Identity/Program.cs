using Moatown.Identity.Apis;
using Moatown.Identity.Authorization;
using Moatown.Identity.Extensions;
using Moatown.Identity.Staff;
using Moatown.ServiceDefaults.OpenApi;
using Moatown.Identity.Data;
using Moatown.ServiceDefaults.Authentication;
using Moatown.ServiceDefaults.Auditing;
using Moatown.ServiceDefaults.Inspection;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseDefaultErrorHandling();
// OpenIddict answers discovery, JWKS and token requests from inside the authentication middleware.
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapAuditApi<IdentityDbContext>("/api/identity", Scopes.Identity);
app.MapServiceInspection<IdentityDbContext>(Scopes.Identity);
app.MapDefaultOpenApi();
app.MapTokenEndpoint();
app.MapStaffAuthorization();
app.MapAccountPages();
app.MapStaffAccountsApi();
app.MapIdentityApi();
app.MapResidentVerificationApi();
app.MapInspectionApi();
app.MapCitySystemsApi();

app.Run();
