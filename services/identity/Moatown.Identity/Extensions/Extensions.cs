using Moatown.Identity.Inspection;
using Moatown.ServiceDefaults.Inspection;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Moatown.Identity.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moatown.Identity.Data;
using Moatown.Identity.Residents;
using Moatown.Identity.Residents.Providers;
using Moatown.ServiceDefaults.Authentication;
using Moatown.ServiceDefaults.Data;
using Moatown.ServiceDefaults.Messaging;
using Moatown.ServiceDefaults.OpenApi;
using Moatown.ServiceDefaults.PersonalData;

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

        builder.AddResidentVerification();
        builder.AddInspectionReport();

        // Hosted services start in registration order: these run after the migrator above.
        builder.Services.AddHostedService<ScopeRegistration>();
        builder.Services.AddHostedService<TokenPruning>();
        builder.Services.AddHostedService<ServiceClientSeed>();
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddHostedService<DevelopmentClientSeed>();
        }
    }

    /// <summary>
    /// The inspection report: identity inspects itself and asks every other service for its own
    /// inspection as the identity service client (campaigns' client is the roll's, above).
    /// </summary>
    private static void AddInspectionReport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IInspectionContributor, IdentityInspection>();
        builder.Services.AddScoped<InspectionCompiler>();
        foreach (var (name, scope) in InspectionCompiler.OtherServices.Where(s => s.Name != CampaignRoll.ClientName))
        {
            builder.AddServiceClient(name, new Uri($"http://{name}"), scope);
        }
    }

    /// <summary>
    /// The resident door: codes by text message to the roll's number, the QR entry page, signer
    /// tokens. The roll is the campaigns service's; identity asks it with its own service token.
    /// </summary>
    private static void AddResidentVerification(this IHostApplicationBuilder builder)
    {
        builder.AddPersonalDataProtection();
        builder.AddVerificationCodeSeal();
        builder.Services.AddOptions<ResidentOptions>().BindConfiguration(ResidentOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<VerificationCodes>();
        builder.Services.AddSingleton<ClientAddresses>();
        builder.Services.AddSingleton<SignerTokens>();
        builder.Services.AddSingleton<CampaignRoll>();
        builder.Services.AddScoped<ResidentVerification>();
        builder.Services.AddScoped<ProviderVerification>();
        builder.AddServiceClient(CampaignRoll.ClientName, new Uri("http://campaigns"), Scopes.Campaigns);
    }
}
