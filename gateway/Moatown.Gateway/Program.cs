using Moatown.Gateway.ApiReference;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.UseDefaultErrorHandling();
app.UseSecurityHeaders();
app.UseRateLimiter();

app.MapDefaultEndpoints();
app.MapApiReference();
app.MapGatewayProxy();

app.Run();
