using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using Moatown.Notifications.Model;
using Polly.Timeout;

namespace Moatown.Notifications.Providers;

/// <summary>
/// A generic HTTP SMS gateway: POST JSON {from, to, text, type, clientReference} with an API key
/// header; the answer names the provider's message id; delivery is reported later to
/// <c>POST /api/notifications/sms/callback</c>. The HttpClient does not retry the POST itself
/// (see <see cref="SmsProviderExtensions"/>): every attempt is the sender's, counted and backed off in
/// the message row, and carries the same clientReference so the provider can drop a repeat.
/// </summary>
public sealed class HttpSmsProvider(HttpClient http, IOptions<SmsProviderOptions> options) : ISmsProvider
{
    public const string ProviderName = "http";

    public string Name => ProviderName;

    public async Task<SmsSendResult> SendAsync(SmsRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, settings.Url)
        {
            Content = JsonContent.Create(new ProviderRequest(
                settings.Sender!, request.To, request.Text, request.Kind == MessageKind.Lms ? "LMS" : "SMS", request.ClientReference)),
        };
        post.Headers.Add(settings.ApiKeyHeader, settings.ApiKey);
        try
        {
            using var response = await http.SendAsync(post, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadFromJsonAsync<ProviderResponse>(cancellationToken);
                return body?.MessageId is { Length: > 0 } id
                    ? new SmsSendResult.Accepted(id, Delivered: false)
                    // Accepted, but we cannot match its callbacks: do not send again, do not claim success.
                    : new SmsSendResult.PermanentFailure("provider answered without a message id");
            }
            var status = (int)response.StatusCode;
            // 401/403 mean our key or sender registration is wrong, which an operator fixes: the message waits
            // for that (within its attempts) instead of failing at once like a refusal of the message itself.
            return response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
                       or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || status >= 500
                ? new SmsSendResult.TransientFailure($"provider answered {status}")
                : new SmsSendResult.PermanentFailure($"provider answered {status}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or System.Text.Json.JsonException
                                   || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The request may have arrived: the retry's clientReference lets the provider answer with the first.
            return new SmsSendResult.TransientFailure(ex.GetType().Name);
        }
    }

    private sealed record ProviderRequest(
        [property: JsonPropertyName("from")] string From,
        [property: JsonPropertyName("to")] string To,
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("clientReference")] string ClientReference);

    private sealed record ProviderResponse([property: JsonPropertyName("messageId")] string? MessageId);
}
