using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Moatown.SampleSubscriber;

/// <summary>
/// Reads Moatown's public events exactly once and in each campaign's order: on start (and after
/// any gap) it pages through backfill, then consumes its live queue. Every event has a stable id
/// (duplicates are dropped) and a per-campaign sequence 1, 2, 3… (a jump means something is
/// missing, which backfill brings). Handles one event at a time.
/// </summary>
public sealed class PublicEventFeed(
    HttpClient api,
    SubscriberOptions options,
    SubscriberState state,
    Func<PublicEvent, CancellationToken, Task> handle,
    ILogger logger)
{
    private int _duplicates;

    /// <summary>Events seen again (from the queue after backfill, or redelivered) and dropped.</summary>
    public int Duplicates => _duplicates;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await BackfillAsync(cancellationToken);
                await ConsumeLiveAsync(cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Broker or API away: start over with backfill once it is back.
                logger.LogWarning("Subscriber interrupted ({Error}); retrying", ex.GetType().Name);
            }
            try
            {
                await Task.Delay(options.RetryDelay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Pages through GET /api/campaigns/events from the stored cursor until nothing is new.</summary>
    public async Task BackfillAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var cursor = state.Cursor;
            var url = $"api/campaigns/events?limit={options.PageSize}" + (cursor is null ? "" : $"&after={Uri.EscapeDataString(cursor)}");
            var page = await api.GetFromJsonAsync<EventPage>(url, cancellationToken)
                ?? throw new InvalidOperationException("Empty backfill page.");
            foreach (var json in page.Events)
            {
                // Backfill is complete and in order: a gap here would be Moatown's bug, not a delay.
                if (await OfferAsync(PublicEvent.Parse(json), cancellationToken) == Offer.Gap)
                {
                    throw new InvalidOperationException($"Backfill skipped part of campaign {json.GetProperty("campaignid")}.");
                }
            }
            state.MoveCursor(page.Next);
            if (page.Events.Count == 0)
            {
                return;
            }
        }
    }

    private async Task ConsumeLiveAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = options.Broker ?? throw new InvalidOperationException("Subscriber:Broker is not set."),
            ClientProvidedName = "moatown sample subscriber",
            AutomaticRecoveryEnabled = false, // we recover ourselves, with a backfill first
        };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.BasicQosAsync(0, 100, global: false, cancellationToken);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        channel.ChannelShutdownAsync += (_, _) => { closed.TrySetResult(); return Task.CompletedTask; };

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            var e = PublicEvent.Parse(delivery.Body.Span);
            var offer = await OfferAsync(e, cancellationToken);
            if (offer == Offer.Gap)
            {
                // Something before it has not reached us: backfill has it (or will in a moment).
                await BackfillAsync(cancellationToken);
                offer = await OfferAsync(e, cancellationToken);
            }
            if (offer == Offer.Gap)
            {
                await Task.Delay(200, cancellationToken);
                await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, cancellationToken);
            }
            else
            {
                state.Save();
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
            }
        };
        await channel.BasicConsumeAsync(options.Queue, autoAck: false, consumer, cancellationToken);
        await closed.Task.WaitAsync(cancellationToken);
    }

    private enum Offer { Handled, Duplicate, Gap }

    private async Task<Offer> OfferAsync(PublicEvent e, CancellationToken cancellationToken)
    {
        if (state.HasSeen(e.Id) || e.Sequence <= state.LastSequence(e.CampaignId))
        {
            Interlocked.Increment(ref _duplicates);
            return Offer.Duplicate;
        }
        if (e.Sequence > state.LastSequence(e.CampaignId) + 1)
        {
            return Offer.Gap;
        }
        await handle(e, cancellationToken);
        state.Record(e);
        return Offer.Handled;
    }

    private sealed record EventPage(List<JsonElement> Events, string Next);
}
