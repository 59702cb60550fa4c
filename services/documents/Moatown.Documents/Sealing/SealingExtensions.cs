namespace Moatown.Documents.Sealing;

public static class SealingExtensions
{
    /// <summary>The sealer, its keys, the TSA client and (when enabled) the built-in TSA; see docs/sealing.md.</summary>
    public static IHostApplicationBuilder AddSealing(this IHostApplicationBuilder builder)
    {
        // Outside Development nothing is generated: a missing certificate or TSA stops the service at start, not at the first seal.
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<SealingOptions>().BindConfiguration(SealingOptions.Section)
            .Validate(o => development || !string.IsNullOrWhiteSpace(o.CertificatePath), $"{SealingOptions.Section}:CertificatePath is required outside Development.")
            .ValidateOnStart();
        builder.Services.AddOptions<TsaOptions>().BindConfiguration(TsaOptions.Section)
            .Validate(o => o.Timeout > TimeSpan.Zero, $"{TsaOptions.Section}:Timeout must be positive.")
            .Validate(o => (o.BuiltIn.Enabled ?? development) || (!string.IsNullOrWhiteSpace(o.Url) && !string.IsNullOrWhiteSpace(o.TrustedRootPath)),
                $"{TsaOptions.Section}:Url and {TsaOptions.Section}:TrustedRootPath are required when the built-in TSA is off.")
            .ValidateOnStart();
        builder.Services.AddOptions<VerificationOptions>().BindConfiguration(VerificationOptions.Section);
        builder.Services.AddSingleton<SealingKeys>();
        builder.Services.AddSingleton<BuiltInTsa>();
        builder.Services.AddHttpClient<ITimestampAuthority, HttpTimestampAuthority>(HttpTimestampAuthority.HttpClientName);
        builder.Services.AddTransient<ConsentSealer>();
        builder.Services.AddTransient<SealVerifier>();
        return builder;
    }
}
