using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Moatown.ServiceDefaults.Messaging;

namespace Moatown.Campaigns.Broker;

/// <summary>The few calls of the RabbitMQ management HTTP API this service needs.</summary>
public sealed class RabbitMqManagement(HttpClient http, IOptions<ManagementOptions> options, IConfiguration configuration)
{
    public const string HttpClientName = "rabbitmq-management";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly ManagementOptions _options = options.Value;

    public bool Configured => _options.Url is not null;

    private string VHost => Uri.EscapeDataString(_options.VirtualHost);

    public Task PutUserAsync(string user, string password) =>
        SendAsync(HttpMethod.Put, $"users/{Esc(user)}", new { password, tags = "" });

    public Task DeleteUserAsync(string user) => SendAsync(HttpMethod.Delete, $"users/{Esc(user)}", notFoundIsFine: true);

    public Task SetPermissionsAsync(string user, string configure, string write, string read) =>
        SendAsync(HttpMethod.Put, $"permissions/{VHost}/{Esc(user)}", new { configure, write, read });

    public Task DeclareTopicExchangeAsync(string exchange) =>
        SendAsync(HttpMethod.Put, $"exchanges/{VHost}/{Esc(exchange)}", new { type = "topic", durable = true, auto_delete = false });

    public Task DeclareQueueAsync(string queue) =>
        SendAsync(HttpMethod.Put, $"queues/{VHost}/{Esc(queue)}", new { durable = true, auto_delete = false, arguments = new { } });

    public Task DeleteQueueAsync(string queue) => SendAsync(HttpMethod.Delete, $"queues/{VHost}/{Esc(queue)}", notFoundIsFine: true);

    public Task PurgeQueueAsync(string queue) => SendAsync(HttpMethod.Delete, $"queues/{VHost}/{Esc(queue)}/contents");

    public Task BindQueueAsync(string exchange, string queue, string routingKey) =>
        SendAsync(HttpMethod.Post, $"bindings/{VHost}/e/{Esc(exchange)}/q/{Esc(queue)}", new { routing_key = routingKey });

    public async Task<IReadOnlyList<QueueInfo>> QueuesAsync(CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(HttpMethod.Get, $"queues/{VHost}?columns=name,messages,messages_ready,messages_unacknowledged", null, cancellationToken);
        return await response.Content.ReadFromJsonAsync<List<QueueInfo>>(Json, cancellationToken) ?? [];
    }

    public async Task<QueueInfo?> QueueAsync(string queue, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(HttpMethod.Get, $"queues/{VHost}/{Esc(queue)}", null, cancellationToken, notFoundIsFine: true);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadFromJsonAsync<QueueInfo>(Json, cancellationToken);
    }

    public async Task<IReadOnlyList<BindingInfo>> QueueBindingsAsync(string queue, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(HttpMethod.Get, $"queues/{VHost}/{Esc(queue)}/bindings", null, cancellationToken);
        return await response.Content.ReadFromJsonAsync<List<BindingInfo>>(Json, cancellationToken) ?? [];
    }

    /// <summary>Looks at up to <paramref name="count"/> messages and puts them back (ackmode ack_requeue_true).</summary>
    public async Task<IReadOnlyList<PeekedMessage>> PeekAsync(string queue, int count, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(HttpMethod.Post, $"queues/{VHost}/{Esc(queue)}/get",
            new { count, ackmode = "ack_requeue_true", encoding = "auto", truncate = 1 }, cancellationToken);
        return await response.Content.ReadFromJsonAsync<List<PeekedMessage>>(Json, cancellationToken) ?? [];
    }

    private async Task SendAsync(HttpMethod method, string path, object? body = null, bool notFoundIsFine = false)
    {
        using var response = await SendRawAsync(method, path, body, CancellationToken.None, notFoundIsFine);
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken, bool notFoundIsFine = false)
    {
        var baseUrl = _options.Url ?? throw new InvalidOperationException($"{ManagementOptions.Section}:Url is not configured.");
        using var request = new HttpRequestMessage(method, new Uri(baseUrl, "api/" + path));
        var (user, password) = Credentials();
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }
        var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode || (notFoundIsFine && response.StatusCode == HttpStatusCode.NotFound))
        {
            return response;
        }
        var status = response.StatusCode;
        response.Dispose();
        throw new BrokerManagementException($"RabbitMQ management {method} {path.Split('?')[0]} answered {(int)status}.");
    }

    private (string User, string Password) Credentials()
    {
        if (_options.Username is { } user && _options.Password is { } password)
        {
            return (user, password);
        }
        var uri = new Uri(configuration.GetConnectionString(MessagingExtensions.BrokerConnectionName)
            ?? throw new InvalidOperationException("No broker connection string."));
        var parts = uri.UserInfo.Split(':', 2);
        return (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
    }

    private static string Esc(string name) => Uri.EscapeDataString(name);

    public sealed record QueueInfo(string Name, long Messages, long MessagesReady, long MessagesUnacknowledged);

    public sealed record BindingInfo(string Source, string Destination, string RoutingKey);

    public sealed record PeekedMessage(string RoutingKey, bool Redelivered, long PayloadBytes, PeekedProperties Properties);

    public sealed record PeekedProperties(string? MessageId, string? Type, string? ContentType, long? Timestamp, Dictionary<string, JsonElement>? Headers);
}

public sealed class BrokerManagementException(string message) : Exception(message);
