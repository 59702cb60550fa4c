using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Moatown.Benchmarks.Import;

/// <summary>
/// One Moatown service hosted in this process against the real PostgreSQL and RabbitMQ, as the
/// integration tests host it. A measured service listens on loopback with Kestrel, so its figures
/// include the HTTP transfer; the others stay in memory.
/// </summary>
public sealed class ServiceHost<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly Func<HttpMessageHandler>? identityBackchannel;

    public ServiceHost(IReadOnlyDictionary<string, string?> settings, Func<HttpMessageHandler>? identityBackchannel, bool overLoopback)
    {
        this.settings = settings;
        this.identityBackchannel = identityBackchannel;
        if (overLoopback) UseKestrel(0);
    }

    /// <summary>The Kestrel address ("http://127.0.0.1:port"); starts the server.</summary>
    public Uri LoopbackAddress()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);

        if (identityBackchannel is not null)
        {
            builder.ConfigureServices(services =>
                // Configure, not PostConfigure: JwtBearer builds its key download client in its own post-configure step.
                services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
                    options.BackchannelHttpHandler = identityBackchannel()));
        }
    }
}
