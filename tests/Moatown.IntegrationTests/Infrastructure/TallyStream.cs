using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace Moatown.IntegrationTests.Infrastructure;

/// <summary>A connected client of a campaign's tally stream, reading its server-sent events as they come.</summary>
public sealed class TallyStream : IAsyncDisposable
{
    private readonly HttpResponseMessage response;
    private readonly IAsyncEnumerator<SseItem<string>> events;

    private TallyStream(HttpResponseMessage response, IAsyncEnumerator<SseItem<string>> events)
    {
        this.response = response;
        this.events = events;
    }

    public static async Task<TallyStream> ConnectAsync(HttpClient client, Guid campaignId)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/campaigns/{campaignId}/tally/stream");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var stream = await response.Content.ReadAsStreamAsync();
        return new TallyStream(response, SseParser.Create(stream).EnumerateAsync().GetAsyncEnumerator());
    }

    /// <summary>The next tally event, or a failed test when none comes in time.</summary>
    public async Task<(long Sequence, JsonElement Tally)> NextAsync(TimeSpan timeout)
    {
        var next = events.MoveNextAsync().AsTask();
        if (await Task.WhenAny(next, Task.Delay(timeout)) != next || !await next)
        {
            Assert.Fail($"No tally event within {timeout.TotalSeconds:0}s.");
        }
        Assert.Equal("tally", events.Current.EventType);
        return (long.Parse(events.Current.EventId!, System.Globalization.CultureInfo.InvariantCulture), JsonDocument.Parse(events.Current.Data).RootElement);
    }

    /// <summary>Reads events until one satisfies the condition (a heartbeat repeats the last tally).</summary>
    public async Task<JsonElement> UntilAsync(Func<long, JsonElement, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) Assert.Fail($"The stream did not show the change within {timeout.TotalSeconds:0}s.");
            var (sequence, tally) = await NextAsync(left);
            if (condition(sequence, tally)) return tally;
        }
    }

    public async ValueTask DisposeAsync()
    {
        response.Dispose();
        try
        {
            await events.DisposeAsync();
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection is gone: that is the point.
        }
    }
}
