using Moatown.Campaigns.Data;
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
app.MapAuditApi<CampaignsDbContext>("/api/campaigns", Scopes.Campaigns);
app.MapServiceInspection<CampaignsDbContext>(Scopes.Campaigns);
app.MapDefaultOpenApi();
app.MapCampaignsApi();
app.MapCampaignLifecycleApi();
app.MapCampaignQrApi();
app.MapRollApi();
app.MapPersonalDataApi();
app.MapLedgerApi();
app.MapTallyApi();
app.MapInvitationsApi();
app.MapInternalInvitationsApi();
app.MapInternalResidentsApi();
app.MapInternalConsentFormApi();
app.MapInternalTallyApi();
app.MapPublicEventsApi();
app.MapSubscribersApi();
app.MapDeadLettersApi();

app.Run();
