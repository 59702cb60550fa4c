using Moatown.Notifications.Data;
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
app.MapAuditApi<NotificationsDbContext>("/api/notifications", Scopes.Notifications);
app.MapServiceInspection<NotificationsDbContext>(Scopes.Notifications);
app.MapDefaultOpenApi();
app.MapKnownCampaignsApi();
app.MapOutboxApi();
app.MapDeliveryStatusApi();
app.MapSmsCallbackApi();

app.Run();
