using Moatown.Signing.Apis;
using Moatown.Signing.Data;
using Moatown.ServiceDefaults.Authentication;
using Moatown.ServiceDefaults.Auditing;
using Moatown.ServiceDefaults.Inspection;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseDefaultErrorHandling();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapAuditApi<SigningDbContext>("/api/signing", Scopes.Signing);
app.MapServiceInspection<SigningDbContext>(Scopes.Signing);
app.MapDefaultOpenApi();
app.MapSignerSessionApi();
app.MapFormApi();
app.MapConsentsApi();
app.MapInternalSubmissionsApi();

app.Run();
