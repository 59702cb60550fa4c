using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Moatown.SampleSubscriber;

// A city system's subscriber to Moatown's public consent events (docs/events/README.md).
var builder = Host.CreateApplicationBuilder(args);
builder.Services.Configure<SubscriberOptions>(builder.Configuration.GetSection(SubscriberOptions.Section));
builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<SubscriberOptions>>().Value);
builder.Services.AddTransient<ClientCredentialsHandler>();
builder.Services.AddHttpClient("moatown", (sp, client) => client.BaseAddress = sp.GetRequiredService<SubscriberOptions>().Api)
    .AddHttpMessageHandler<ClientCredentialsHandler>();
builder.Services.AddHostedService<SubscriberWorker>();
builder.Build().Run();

internal sealed class SubscriberWorker(IHttpClientFactory http, SubscriberOptions options, ILogger<SubscriberWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var state = new SubscriberState(options.StateFile);
        var feed = new PublicEventFeed(http.CreateClient("moatown"), options, state, HandleAsync, logger);
        return feed.RunAsync(stoppingToken);
    }

    /// <summary>Your system's work goes here. It runs once per event, in each campaign's order.</summary>
    private Task HandleAsync(PublicEvent e, CancellationToken cancellationToken)
    {
        logger.LogInformation("{Type} campaign {CampaignId} #{Sequence} ({Id})", e.Type, e.CampaignId, e.Sequence, e.Id);
        return Task.CompletedTask;
    }
}
