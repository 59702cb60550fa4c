using System.Text.RegularExpressions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Moatown.Identity.Residents.Providers;

public static partial class IdentityProviderExtensions
{
    /// <summary>
    /// One <see cref="IIdentityProvider"/> for each section under Identity:Residents:Providers, and the
    /// <see cref="IdentityProviders"/> catalog (empty when none is configured). A section with missing or
    /// unsafe settings stops the service at start rather than failing a resident at the callback.
    /// </summary>
    public static IHostApplicationBuilder AddIdentityProviders(this IHostApplicationBuilder builder)
    {
        // Development talks to the simulated provider over plain http; everywhere else tokens travel over https.
        var requireHttps = builder.Configuration.GetValue("Identity:RequireHttps", true);
        foreach (var section in builder.Configuration.GetSection(IdentityProviderOptions.Section).GetChildren())
        {
            var name = section.Key.ToLowerInvariant();
            var options = section.Get<IdentityProviderOptions>() ?? new IdentityProviderOptions();
            Validate(name, options, requireHttps);

            // The standard handler from the service defaults, with its timeouts and circuit breaker, but never
            // a retry of the POST: a code is single-use, so a repeat after a lost answer could only be refused
            // and would hide the first failure. RemoveAllResilienceHandlers is experimental, but it is the
            // documented way to replace the defaults' handler for one client.
#pragma warning disable EXTEXP0001
            builder.Services.AddHttpClient(AuthorizationCodeProvider.HttpClientName(name), http =>
                    // Verified claims are a few hundred bytes; anything far larger is not an answer to read.
                    http.MaxResponseContentBufferSize = 64 * 1024)
                .RemoveAllResilienceHandlers()
#pragma warning restore EXTEXP0001
                .AddStandardResilienceHandler(resilience =>
                {
                    resilience.Retry.DisableForUnsafeHttpMethods();
                    resilience.AttemptTimeout.Timeout = options.Timeout;
                    resilience.TotalRequestTimeout.Timeout = options.Timeout + TimeSpan.FromSeconds(1);
                    var sampling = options.Timeout * 2;
                    if (resilience.CircuitBreaker.SamplingDuration < sampling)
                    {
                        resilience.CircuitBreaker.SamplingDuration = sampling;
                    }
                });
            builder.Services.AddSingleton<IIdentityProvider>(services => new AuthorizationCodeProvider(name, options,
                services.GetRequiredService<IHttpClientFactory>(), services.GetService<TimeProvider>() ?? TimeProvider.System,
                services.GetRequiredService<ILogger<AuthorizationCodeProvider>>()));
        }
        builder.Services.AddSingleton<IdentityProviders>();
        return builder;
    }

    private static void Validate(string name, IdentityProviderOptions options, bool requireHttps)
    {
        var problems = new List<string>();
        var prefix = $"{IdentityProviderOptions.Section}:{name}";
        if (!ProviderName().IsMatch(name))
        {
            problems.Add($"{prefix}: a provider name is lower-case letters, digits and '-'.");
        }
        CheckUrl(options.AuthorizeUrl, "AuthorizeUrl");
        CheckUrl(options.TokenUrl, "TokenUrl");
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            problems.Add($"{prefix}:ClientId is required.");
        }
        if (string.IsNullOrEmpty(options.ClientSecret))
        {
            problems.Add($"{prefix}:ClientSecret is required.");
        }
        if (options.Timeout <= TimeSpan.Zero)
        {
            problems.Add($"{prefix}:Timeout must be positive.");
        }
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(prefix, typeof(IdentityProviderOptions), problems);
        }

        void CheckUrl(Uri? url, string key)
        {
            if (url is not { IsAbsoluteUri: true } || (url.Scheme != Uri.UriSchemeHttps && (requireHttps || url.Scheme != Uri.UriSchemeHttp)))
            {
                problems.Add($"{prefix}:{key} must be an absolute {(requireHttps ? "https" : "http(s)")} address.");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex ProviderName();
}
