using Moatown.Signing.Apis;
using Moatown.Signing.Data;
using Moatown.ServiceDefaults.Authentication;
using Moatown.ServiceDefaults.Data;
using Moatown.ServiceDefaults.Messaging;

namespace Moatown.Signing.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication(Scopes.Signing);
        builder.Services.AddAuthorizationBuilder().AddPolicy(SignerSessionApi.SignerPolicy, Policies.Signer());
        builder.AddServiceDatabase<SigningDbContext>("signingdb");
        builder.AddMessaging();
        builder.AddDefaultOpenApi();
    }
}
