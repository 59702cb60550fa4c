using Moatown.Documents.Inspection;
using Moatown.ServiceDefaults.Inspection;
using Moatown.Documents.Consents;
using Moatown.Documents.Data;
using Moatown.Documents.Forms;
using Moatown.Documents.Packages;
using Moatown.Documents.Rendering;
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
        builder.Services.AddScoped<IInspectionContributor, DocumentsInspection>();
        builder.AddVault();
        builder.AddMessaging(bus =>
        {
            bus.AddConsumer<ConsentSubmittedConsumer>();
            bus.AddConsumer<CampaignAccessConsumer>();
        });
        builder.AddDefaultOpenApi();
        builder.AddSealing();
        builder.AddConsentDocuments();
    }

    /// <summary>
    /// Owners' forms (rendered from campaigns' roll, kept in the vault) for the signing service, and the
    /// queue that turns signing's submissions into sealed documents.
    /// </summary>
    private static void AddConsentDocuments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(InternalFormsApi.SigningPolicy, Policies.ServiceCaller(Scopes.Documents, ServiceClients.Signing));
        var fonts = builder.Configuration["Documents:Fonts:Directory"] ?? Moatown.Pdf.PdfFonts.DebianFontDirectory;
        builder.Services.AddSingleton(new ConsentFormRenderer(fonts));
        builder.Services.AddSingleton(new SignedConsentComposer(fonts));
        builder.Services.AddSingleton<CampaignForms>();
        builder.Services.AddSingleton<SigningSubmissions>();
        builder.Services.AddScoped<OwnerForms>();
        builder.Services.AddScoped<ConsentSealingPipeline>();
        builder.Services.AddSingleton<SealQueueSignal>();
        builder.Services.AddOptions<SealQueueOptions>().BindConfiguration(SealQueueOptions.SectionName)
            .Validate(o => o.Concurrency is >= 1 and <= 64, $"{SealQueueOptions.SectionName}:Concurrency must be between 1 and 64.")
            .ValidateOnStart();
        builder.Services.AddHostedService<SealQueueWorker>();
        builder.Services.AddSingleton<IConsentLookup, SealedConsentLookup>();
        builder.Services.AddSingleton<TallyExplanations>();
        builder.Services.AddScoped<SubmissionPackage>();
        builder.AddServiceClient(CampaignForms.ClientName, new Uri("http://campaigns"), Scopes.Campaigns);
        builder.AddServiceClient(SigningSubmissions.ClientName, new Uri("http://signing"), Scopes.Signing);
    }
}
