using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace Moatown.Web.Staff.Tallies;

/// <summary>What the live tally stream did: a tally arrived, the connection dropped, or it cannot go on.</summary>
public enum TallyFeedState { Connecting, Live, Reconnecting, NotFound, SignedOut }

/// <summary>
/// The campaign's tally stream (<c>GET /api/campaigns/{id}/tally/stream</c>, server-sent events) through the
/// gateway as the signed-in staff member, reconnecting with a fresh token whenever it drops. Campaigns sends
/// the tally at least every 20 s, so a minute of silence means a dead connection, not a quiet campaign.
/// </summary>
internal sealed class TallyFeed(StaffApi api, ILogger logger)
{
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Runs until <paramref name="cancellationToken"/> ends it (the circuit went away), the campaign is gone, or the session ended.</summary>
    public async Task RunAsync(Guid campaignId, Func<TallyFeedState, TallyView?, Task> changed, CancellationToken cancellationToken)
    {
        var retry = FirstRetry;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var client = await api.StreamClientAsync(cancellationToken);
                if (client is null)
                {
                    await changed(TallyFeedState.SignedOut, null);
                    return;
                }
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/campaigns/{campaignId}/tally/stream");
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
                using var silence = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                silence.CancelAfter(Silence);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, silence.Token);
                if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden)
                {
                    await changed(TallyFeedState.NotFound, null);
                    return;
                }
                if (response.StatusCode is HttpStatusCode.Unauthorized)
                {
                    await changed(TallyFeedState.SignedOut, null);
                    return;
                }
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync(silence.Token);
                var events = SseParser.Create(body, (type, data) => type == "tally" ? JsonSerializer.Deserialize<TallyView>(data, Json) : null);
                await foreach (var item in events.EnumerateAsync(silence.Token))
                {
                    silence.CancelAfter(Silence);
                    if (item.Data is { } tally)
                    {
                        retry = FirstRetry;
                        await changed(TallyFeedState.Live, tally);
                    }
                }
                logger.LogInformation("The tally stream of campaign {CampaignId} ended; reconnecting", campaignId);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or JsonException or OperationCanceledException)
            {
                logger.LogWarning("The tally stream of campaign {CampaignId} dropped ({Reason}); reconnecting in {Retry}",
                    campaignId, exception.GetType().Name, retry);
            }
            await changed(TallyFeedState.Reconnecting, null);
            try
            {
                await Task.Delay(retry, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LongestRetry.Ticks));
        }
    }
}
