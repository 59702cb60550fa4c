using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Moatown.IntegrationTests.Infrastructure;

/// <summary>
/// One Moatown service hosted in the test process against the real PostgreSQL and RabbitMQ.
/// Its bearer tokens are checked against the identity service hosted beside it, with the same
/// metadata and key download a deployed service does, only over an in-memory handler.
/// </summary>
public sealed class ServiceFactory<TEntryPoint>(
    IReadOnlyDictionary<string, string?> settings,
    Func<HttpMessageHandler>? identityBackchannel,
    Action<IWebHostBuilder>? configure = null) : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.CaptureLogsToFile(ServiceLogs.ServiceNameOf(typeof(TEntryPoint)));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (identityBackchannel is not null)
        {
            builder.ConfigureServices(services =>
                // Configure, not PostConfigure: JwtBearer builds its key download client in its own post-configure step.
                services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
                    options.BackchannelHttpHandler = identityBackchannel()));
        }
        configure?.Invoke(builder);
    }
}
