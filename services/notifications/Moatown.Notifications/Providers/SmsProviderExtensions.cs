using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Moatown.Notifications.Providers;

internal static class SmsProviderExtensions
{
    /// <summary>
    /// The provider named by Notifications:Sms:Provider. The local sink is the default in Development
    /// only: elsewhere a forgotten setting must stop the service, not swallow every resident's text.
    /// </summary>
    public static void AddSmsProvider(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SmsProviderOptions.Section);
        var settings = section.Get<SmsProviderOptions>() ?? new SmsProviderOptions();
        var provider = settings.Provider ?? (builder.Environment.IsDevelopment() ? SmsProviderOptions.Local : null);
        builder.Services.AddOptions<SmsProviderOptions>().Bind(section).Configure(o => o.Provider = provider);

        switch (provider)
        {
            case SmsProviderOptions.Local:
                builder.Services.AddSingleton<ISmsProvider, LocalSmsSink>();
                break;
            case SmsProviderOptions.Http:
                Require(settings.Url, "Url");
                Require(settings.ApiKey, "ApiKey");
                Require(settings.Sender, "Sender");
                Require(settings.CallbackSecret, "CallbackSecret");
                // The standard handler from the service defaults, with its timeouts and circuit breaker, but
                // set up for this client: it must not repeat the POST on its own, because a repeat a few
                // hundred milliseconds later would be invisible in the message row. Attempts are the
                // sender's (backed off, counted, same clientReference), so the HttpClient's retry is off.
                // RemoveAllResilienceHandlers is marked experimental, but it is the documented way to replace
                // the defaults' handler for one client (options of the defaults' handler are shared by all clients).
#pragma warning disable EXTEXP0001
                builder.Services.AddHttpClient<ISmsProvider, HttpSmsProvider>()
                    .RemoveAllResilienceHandlers()
#pragma warning restore EXTEXP0001
                    .AddStandardResilienceHandler(options =>
                    {
                        options.Retry.DisableForUnsafeHttpMethods();
                        options.AttemptTimeout.Timeout = settings.Timeout;
                        options.TotalRequestTimeout.Timeout = settings.Timeout + TimeSpan.FromSeconds(1);
                        var sampling = settings.Timeout * 2;
                        if (options.CircuitBreaker.SamplingDuration < sampling)
                        {
                            options.CircuitBreaker.SamplingDuration = sampling;
                        }
                    });
                break;
            default:
                throw new OptionsValidationException(SmsProviderOptions.Section, typeof(SmsProviderOptions),
                    [$"{SmsProviderOptions.Section}:Provider must be '{SmsProviderOptions.Local}' or '{SmsProviderOptions.Http}'."]);
        }
    }

    private static void Require(object? value, string name)
    {
        if (value is null || value is string { Length: 0 })
        {
            throw new OptionsValidationException(SmsProviderOptions.Section, typeof(SmsProviderOptions),
                [$"{SmsProviderOptions.Section}:{name} is required for the http provider."]);
        }
    }
}
