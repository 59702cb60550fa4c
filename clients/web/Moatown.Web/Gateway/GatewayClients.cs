// RemoveAllResilienceHandlers is experimental, but it is the supported way to opt one client out of
// the defaults that ServiceDefaults adds to every client.
#pragma warning disable EXTEXP0001

namespace Moatown.Web.Gateway;

/// <summary>
/// The web client calls the gateway's public APIs only, like any other client would. Its pages
/// run on the server, so each call carries the visitor's address on (see <see cref="VisitorAddressForwarding"/>).
/// </summary>
internal static class GatewayClients
{
    /// <summary>Ordinary API calls: answered within seconds.</summary>
    public const string Api = "gateway";
    /// <summary>Long-lived reads (the live tally stream): no overall timeout.</summary>
    public const string Stream = "gateway-stream";

    public static void AddGatewayClients(this IHostApplicationBuilder builder)
    {
        // "http://gateway" is resolved by service discovery (services__gateway__http__0 from the AppHost).
        var gateway = new Uri(builder.Configuration["Web:GatewayUrl"] ?? "http://gateway");
        builder.Services.AddTransient<VisitorAddressForwarding>();

        builder.Services.AddHttpClient(Api, client =>
            {
                client.BaseAddress = gateway;
                client.Timeout = TimeSpan.FromSeconds(30);
            })
            .AddHttpMessageHandler<VisitorAddressForwarding>()
            // No automatic retries: a second code check spends an attempt, a second sign is refused
            // as a duplicate; the page tells the person what happened instead.
            .RemoveAllResilienceHandlers();

        builder.Services.AddHttpClient(Stream, client =>
            {
                client.BaseAddress = gateway;
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .RemoveAllResilienceHandlers();
    }
}
