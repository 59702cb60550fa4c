using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Moatown.IntegrationTests.Notifications;

/// <summary>
/// A Korean SMS gateway as the HTTP provider expects one, over real HTTP on a free port: checks the
/// API key, records every request, answers a message id, and, like real gateways, answers a
/// clientReference it has already accepted with the first message instead of sending another.
/// It can be told how to answer the next requests: 5xx, a refusal, or a reply too slow for the client.
/// </summary>
public sealed class FakeSmsProvider : IAsyncDisposable
{
    public const string ApiKey = "fake-provider-api-key";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Behaviour> _next = new();
    private readonly ConcurrentDictionary<string, string> _accepted = new(StringComparer.Ordinal);
    private int _sequence;

    public enum Behaviour { Accept, ServerError, Refuse, SlowAccept, KeyRejected }

    public sealed record ReceivedRequest(string? ApiKey, string From, string To, string Text, string Type, string ClientReference);

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>Messages the provider took on (and would hand to carriers): one per clientReference.</summary>
    public IReadOnlyDictionary<string, string> Accepted => _accepted;

    public TimeSpan SlowReply { get; set; } = TimeSpan.FromSeconds(3);

    public Uri Url { get; private set; } = null!;

    private FakeSmsProvider(WebApplication app) => _app = app;

    public static async Task<FakeSmsProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSmsProvider(app);
        app.MapPost("/v1/messages", (Delegate)fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fake.Url = new Uri(new Uri(address), "/v1/messages");
        return fake;
    }

    public void Then(params Behaviour[] behaviours)
    {
        foreach (var behaviour in behaviours)
        {
            _next.Enqueue(behaviour);
        }
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var apiKey = context.Request.Headers["X-Api-Key"].ToString();
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body);
        var request = new ReceivedRequest(apiKey, body.GetProperty("from").GetString()!, body.GetProperty("to").GetString()!,
            body.GetProperty("text").GetString()!, body.GetProperty("type").GetString()!, body.GetProperty("clientReference").GetString()!);
        Requests.Enqueue(request);
        if (apiKey != ApiKey)
        {
            return Results.Json(new { error = "invalid api key" }, statusCode: 401);
        }
        var behaviour = _next.TryDequeue(out var scripted) ? scripted : Behaviour.Accept;
        switch (behaviour)
        {
            case Behaviour.ServerError:
                return Results.Json(new { error = "temporarily unavailable" }, statusCode: 503);
            case Behaviour.KeyRejected:
                return Results.Json(new { error = "api key revoked" }, statusCode: 401);
            case Behaviour.Refuse:
                return Results.Json(new { error = "recipient refused" }, statusCode: 400);
            case Behaviour.SlowAccept:
                var id = Accept(request);
                // The message is taken on; only the answer comes too late for the client.
                await Task.Delay(SlowReply);
                return Results.Json(new { messageId = id });
            default:
                return Results.Json(new { messageId = Accept(request) });
        }
    }

    private string Accept(ReceivedRequest request) =>
        _accepted.GetOrAdd(request.ClientReference, _ => $"fake-{Interlocked.Increment(ref _sequence)}");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
