using Moatown.Documents.Data;
using Moatown.Documents.Sealing;
using Moatown.Documents.Vault;
using Moatown.ServiceDefaults.Authentication;
using Moatown.ServiceDefaults.Data;
using Moatown.ServiceDefaults.Messaging;

namespace Moatown.Documents.Extensions;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultAuthentication(Scopes.Documents);
        builder.AddServiceDatabase<DocumentsDbContext>("documentsdb");
        builder.AddVault();
        builder.AddMessaging();
        builder.AddDefaultOpenApi();
        builder.AddSealing();
    }
}
