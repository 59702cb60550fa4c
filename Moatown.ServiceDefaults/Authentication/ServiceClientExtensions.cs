using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Moatown.ServiceDefaults.Authentication;

public static class ServiceClientExtensions
{
    /// <summary>The HttpClient that asks identity for tokens (a test points it at an in-memory identity).</summary>
    public const string TokenClientName = "identity-service-tokens";

    /// <summary>
    /// A named HttpClient for calling another of the system's services (by service discovery name,
    /// e.g. <c>http://campaigns</c>) with this service's own client-credentials token for its scope.
    /// </summary>
    public static IHttpClientBuilder AddServiceClient(this IHostApplicationBuilder builder, string name, Uri baseAddress, string scope)
    {
        builder.Services.Configure<ServiceClientOptions>(builder.Configuration.GetSection(ServiceClientOptions.SectionName));
        builder.Services.AddHttpClient(TokenClientName, client =>
            client.BaseAddress = new Uri((builder.Configuration["Identity:Url"]
                ?? throw new InvalidOperationException("Identity:Url is not configured.")).TrimEnd('/') + "/"));
        builder.Services.TryAddSingleton(TimeProvider.System);
        // One cache of tokens for the process (a typed client would be made anew for every use).
        builder.Services.TryAddSingleton(services => new ServiceTokens(
            services.GetRequiredService<IHttpClientFactory>().CreateClient(TokenClientName),
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ServiceClientOptions>>(),
            services.GetRequiredService<TimeProvider>()));
        return builder.Services.AddHttpClient(name, client => client.BaseAddress = baseAddress)
            .AddHttpMessageHandler(services => new ServiceTokenHandler(services.GetRequiredService<ServiceTokens>(), scope));
    }
}
