using Moatown.ServiceDefaults.Inspection;
using Moatown.ServiceDefaults.Authentication;
using Moatown.ServiceDefaults.Data;
using Moatown.ServiceDefaults.Messaging;
using Moatown.ServiceDefaults.PersonalData;
using Moatown.Signing.Apis;
using Moatown.Signing.Consents;
using Moatown.Signing.Data;
using Moatown.Signing.Forms;

namespace Moatown.Signing.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication(Scopes.Signing);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(SignerSessionApi.SignerPolicy, Policies.Signer())
            .AddPolicy(InternalSubmissionsApi.SealingPolicy, Policies.ServiceCaller(Scopes.Signing, ServiceClients.Documents));

        builder.AddServiceDatabase<SigningDbContext>("signingdb");
        builder.AddPersonalDataColumns(
            new("consents", "signature_protected", "drawn signature"),
            new("consents", "evidence_protected", "signing evidence (device, address, verification)"));
        builder.AddPersonalDataProtection();
        builder.AddMessaging(bus => bus.AddConsumer<ConsentSealedConsumer>());
        builder.AddDefaultOpenApi();

        builder.Services.AddOptions<SigningOptions>().BindConfiguration(SigningOptions.SectionName);
        builder.Services.AddScoped<ConsentSubmissions>();
        builder.Services.AddSingleton<DocumentsClient>();
        // The holder's form is rendered and kept by documents; signing asks with its own service token.
        builder.AddServiceClient(DocumentsClient.ClientName, new Uri("http://documents"), Scopes.Documents);
    }
}
