using Moatown.SimulatedIdentityProvider;

// A stand-in for a Korean certificate provider (PASS, Kakao, Naver) in Development and tests: the same
// authorization-code redirect, callback and backchannel token exchange, answering verified claims.
var builder = WebApplication.CreateBuilder(args);
// It vouches for whoever fills in its form: anywhere but a developer's machine or a test that would be a hole.
if (!builder.Environment.IsDevelopment())
{
    throw new InvalidOperationException("The simulated identity provider runs only in the Development environment.");
}

builder.AddServiceDefaults();
builder.Services.AddOptions<SimulatedProviderOptions>()
    .Bind(builder.Configuration.GetSection(SimulatedProviderOptions.Section))
    .Validate(o => IsKey(o.ConnectingInformationKey), $"{SimulatedProviderOptions.Section}:ConnectingInformationKey must be a base64 key of at least 32 bytes.")
    .Validate(o => o.CodeLifetime > TimeSpan.Zero, $"{SimulatedProviderOptions.Section}:CodeLifetime must be positive.")
    .ValidateOnStart();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<ClientRegistry>();
builder.Services.AddSingleton<AuthorizationCodes>();
builder.Services.AddSingleton<ConnectingInformation>();

var app = builder.Build();

app.UseDefaultErrorHandling();
app.MapDefaultEndpoints();
app.MapAuthorizeEndpoints();
app.MapTokenEndpoint();

app.Run();

static bool IsKey(string? value)
{
    var bytes = new byte[value?.Length ?? 0];
    return value is not null && Convert.TryFromBase64String(value, bytes, out var length) && length >= 32;
}
