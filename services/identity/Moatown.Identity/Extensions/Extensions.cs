using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Moatown.Identity.Authorization;
using Moatown.Identity.Data;
using Moatown.Identity.Residents.Providers;
using Moatown.ServiceDefaults.Authentication;
using Moatown.ServiceDefaults.Data;
using Moatown.ServiceDefaults.Messaging;
using Moatown.ServiceDefaults.OpenApi;

namespace Moatown.Identity.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<IdentityDbContext>("identitydb");
        // The outbox relay that AddServiceDatabase starts publishes through the bus.
        builder.AddMessaging();
        builder.AddDefaultOpenApi();

        builder.AddAuthorizationServer();
        // Certificate providers (PASS, Kakao, Naver, or the simulated one) for resident verification.
        builder.AddIdentityProviders();

        // Identity's own API accepts the same tokens, under the same rules, as every other service.
        builder.AddDefaultAuthentication(Scopes.Identity);
        builder.Services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, LocalSigningKeys>();

        // Hosted services start in registration order: these run after the migrator above.
        builder.Services.AddHostedService<ScopeRegistration>();
        builder.Services.AddHostedService<TokenPruning>();
        builder.Services.AddHostedService<ServiceClientSeed>();
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddHostedService<DevelopmentClientSeed>();
        }
    }
}
