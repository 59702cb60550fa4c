namespace Moatown.Documents.Sealing;

public static class SealingExtensions
{
    /// <summary>The sealer, its keys, the TSA client and (when enabled) the built-in TSA; see docs/sealing.md.</summary>
    public static IHostApplicationBuilder AddSealing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SealingOptions>().BindConfiguration(SealingOptions.Section);
        builder.Services.AddOptions<TsaOptions>().BindConfiguration(TsaOptions.Section);
        builder.Services.AddOptions<VerificationOptions>().BindConfiguration(VerificationOptions.Section);
        builder.Services.AddSingleton<SealingKeys>();
        builder.Services.AddSingleton<BuiltInTsa>();
        builder.Services.AddHttpClient<ITimestampAuthority, HttpTimestampAuthority>(HttpTimestampAuthority.HttpClientName);
        builder.Services.AddTransient<ConsentSealer>();
        builder.Services.AddTransient<SealVerifier>();
        builder.Services.AddSingleton<IConsentLookup, NoConsentLookup>();
        return builder;
    }
}
