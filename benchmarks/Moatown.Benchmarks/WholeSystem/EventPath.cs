using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Moatown.Benchmarks.Results;
using Moatown.Contracts.Campaigns;
using Moatown.ServiceDefaults.Messaging;
using Npgsql;
using RabbitMQ.Client;

namespace Moatown.Benchmarks.WholeSystem;

/// <summary>
/// The services' event path with nothing else around it: events written to an outbox table in their
/// own transaction (Outbox.Enqueue + SaveChanges, as every service does), published by the same
/// OutboxRelay (one at a time, each confirmed by the broker), delivered by MassTransit to a consumer
/// that records it once through the same inbox (HandleOnceAsync). It runs in this process on the
/// whole system's own PostgreSQL (a database of its own) and RabbitMQ, with an event type no service
/// consumes. The baseline, in the same run on the same broker: RabbitMQ.Client publishing persistent
/// messages one at a time with publisher confirms to a durable queue, and a consumer acking each.
/// </summary>
public static class EventPath
{
    private const int SteadyRate = 50;
    private static readonly TimeSpan SteadyDuration = TimeSpan.FromSeconds(10);
    private const int Burst = 1_000;
    private const ushort Prefetch = 16;

    public sealed record Side(IReadOnlyCollection<TimeSpan> SteadyLatencies, int Burst, TimeSpan BurstTime)
    {
        public double PerSecond => Burst / BurstTime.TotalSeconds;
    }

    public sealed record Result(Side Outbox, Side Raw)
    {
        public double Ratio => Outbox.PerSecond / Raw.PerSecond;
    }

    public static async Task<Result> MeasureAsync(WholeSystem system, CancellationToken cancellationToken)
    {
        var broker = await system.ConnectionStringAsync("broker", cancellationToken);
        var database = await CreateDatabaseAsync(await system.ConnectionStringAsync("campaignsdb", cancellationToken), cancellationToken);
        var outbox = await OutboxSideAsync(broker, database, cancellationToken);
        Console.WriteLine($"  outbox → broker → consumer: {outbox.PerSecond:F0}/s, steady median {Measurement.Of(outbox.SteadyLatencies).MedianMs:F1} ms");
        var raw = await RawSideAsync(broker, cancellationToken);
        Console.WriteLine($"  raw publish/consume: {raw.PerSecond:F0}/s, steady median {Measurement.Of(raw.SteadyLatencies).MedianMs:F1} ms");
        return new Result(outbox, raw);
    }

    private static async Task<Side> OutboxSideAsync(string broker, string database, CancellationToken cancellationToken)
    {
        var collector = new Collector(Guid.NewGuid());
        // No defaults: the benchmark's folder holds the services' appsettings.json, which are not this host's.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, EnvironmentName = "Production" });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning)
            // The relay's poll cancelled at shutdown is logged as a failed transaction; a real failure throws here.
            .AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Critical);
        builder.Configuration[$"ConnectionStrings:{MessagingExtensions.BrokerConnectionName}"] = broker;
        var signal = new OutboxSignal();
        builder.Services.AddSingleton(signal);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(collector);
        builder.Services.AddDbContext<EventPathDbContext>(options => options.UseNpgsql(database).AddInterceptors(signal));
        builder.Services.AddOptions<OutboxRelayOptions>();
        builder.Services.AddHostedService<OutboxRelay<EventPathDbContext>>();
        builder.AddMessaging(bus => bus.AddConsumer<EventPathConsumer>(c => c.UseConcurrentMessageLimit(Prefetch)));
        using var host = builder.Build();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<EventPathDbContext>().Database.EnsureCreatedAsync(cancellationToken);
        }
        await host.StartAsync(cancellationToken);
        try
        {
            // The consumer's queue is bound once MassTransit is connected: one event through proves it.
            long sequence = 0;
            var warm = Stopwatch.StartNew();
            while (collector.Count == 0 && warm.Elapsed < TimeSpan.FromSeconds(30))
            {
                await EnqueueAsync(host, collector, ++sequence, 1, cancellationToken);
                await Task.Delay(500, cancellationToken);
            }
            if (collector.Count == 0) throw new InvalidOperationException("No event reached the consumer within 30 s.");
            var firstWarm = sequence + 1;
            for (var i = 0; i < 50; i++) await EnqueueAsync(host, collector, ++sequence, 1, cancellationToken);
            await collector.UntilAsync(firstWarm, sequence, TimeSpan.FromSeconds(30), cancellationToken);

            // Steady: one event per transaction at a fixed rate, each timed from its commit to its consumption.
            var firstSteady = sequence + 1;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < SteadyRate * SteadyDuration.TotalSeconds; i++)
            {
                var due = TimeSpan.FromSeconds((double)i / SteadyRate);
                if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed, cancellationToken);
                await EnqueueAsync(host, collector, ++sequence, 1, cancellationToken);
            }
            await collector.UntilAsync(firstSteady, sequence, TimeSpan.FromSeconds(60), cancellationToken);
            var steady = collector.Latencies(firstSteady, sequence);

            // Burst: many events committed at once; the rate is how fast the relay, broker and consumer drain them.
            var firstBurst = sequence + 1;
            await EnqueueAsync(host, collector, firstBurst, Burst, cancellationToken);
            var burstClock = Stopwatch.StartNew();
            sequence += Burst;
            await collector.UntilAsync(firstBurst, sequence, TimeSpan.FromSeconds(120), cancellationToken);
            return new Side(steady, Burst, burstClock.Elapsed);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Events first..first+count-1 in one transaction, as a service's SaveChanges writes them.</summary>
    private static async Task EnqueueAsync(IHost host, Collector collector, long first, int count, CancellationToken cancellationToken)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EventPathDbContext>();
        var now = DateTimeOffset.UtcNow;
        for (var s = first; s < first + count; s++)
            db.Enqueue(new ConsentRateChanged(collector.RunId, s, "sha256:benchmark", (int)(s % 1000), 1000, 123.4m, 5678.9m, false, now), now);
        await db.SaveChangesAsync(cancellationToken);
        var committed = Stopwatch.GetTimestamp();
        for (var s = first; s < first + count; s++) collector.Committed(s, committed);
    }

    private static async Task<Side> RawSideAsync(string broker, CancellationToken cancellationToken)
    {
        var factory = new RabbitMQ.Client.ConnectionFactory { Uri = new Uri(broker) };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var publisher = await connection.CreateChannelAsync(new RabbitMQ.Client.CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        await using var consumerChannel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var name = $"benchmark.raw.{Guid.NewGuid():N}";
        await publisher.ExchangeDeclareAsync(name, RabbitMQ.Client.ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await publisher.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        await publisher.QueueBindAsync(name, name, "", cancellationToken: cancellationToken);
        await consumerChannel.BasicQosAsync(0, Prefetch, false, cancellationToken);

        var received = new ConcurrentDictionary<long, long>();
        var count = 0;
        var consumer = new RabbitMQ.Client.Events.AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            received[BitConverter.ToInt64(delivery.Body.Span[..8])] = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref count);
            await consumerChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        await consumerChannel.BasicConsumeAsync(name, autoAck: false, consumer, cancellationToken);
        // The same size as the relay's MassTransit envelope of the event above.
        var body = new byte[1_200];
        var properties = new RabbitMQ.Client.BasicProperties { Persistent = true, ContentType = "application/vnd.masstransit+json" };
        var sent = new ConcurrentDictionary<long, long>();
        async Task PublishAsync(long s)
        {
            BitConverter.TryWriteBytes(body, s);
            sent[s] = Stopwatch.GetTimestamp();
            await publisher.BasicPublishAsync(name, "", mandatory: false, properties, (ReadOnlyMemory<byte>)body.ToArray(), cancellationToken);
        }
        async Task UntilAsync(int total)
        {
            var clock = Stopwatch.StartNew();
            while (Volatile.Read(ref count) < total && clock.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(2, cancellationToken);
        }

        long sequence = 0;
        for (var i = 0; i < 50; i++) await PublishAsync(++sequence);
        await UntilAsync((int)sequence);

        var firstSteady = sequence + 1;
        var steadyClock = Stopwatch.StartNew();
        for (var i = 0; i < SteadyRate * SteadyDuration.TotalSeconds; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / SteadyRate);
            if (due > steadyClock.Elapsed) await Task.Delay(due - steadyClock.Elapsed, cancellationToken);
            await PublishAsync(++sequence);
        }
        await UntilAsync((int)sequence);
        var steady = new List<TimeSpan>();
        for (var s = firstSteady; s <= sequence; s++)
            if (received.TryGetValue(s, out var at)) steady.Add(Stopwatch.GetElapsedTime(sent[s], at));

        var burstClock = Stopwatch.StartNew();
        for (var i = 0; i < Burst; i++) await PublishAsync(++sequence);
        await UntilAsync((int)sequence);
        var burstTime = burstClock.Elapsed;
        if (Volatile.Read(ref count) < sequence) throw new InvalidOperationException($"The raw consumer received {count} of {sequence} messages.");
        await publisher.QueueDeleteAsync(name, cancellationToken: cancellationToken);
        await publisher.ExchangeDeleteAsync(name, cancellationToken: cancellationToken);
        return new Side(steady, Burst, burstTime);
    }

    private static async Task<string> CreateDatabaseAsync(string anyDatabase, CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(anyDatabase) { Database = "postgres" };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("CREATE DATABASE eventpathbench", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return new NpgsqlConnectionStringBuilder(anyDatabase) { Database = "eventpathbench" }.ConnectionString;
    }

    public static string Note(Result result) =>
        $"Event path: ConsentRateChanged events (no service consumes them) through ServiceDefaults' outbox, OutboxRelay and inbox on the system's PostgreSQL and RabbitMQ, consumer concurrency {Prefetch}; "
        + $"steady {SteadyRate}/s for {SteadyDuration.TotalSeconds:F0} s (one event per transaction, commit → consumed), then a burst of {Burst:N0} committed in one transaction (drain rate). "
        + $"Raw baseline on the same broker: RabbitMQ.Client 7, persistent 1.2 KB messages (the size of MassTransit's envelope) published one at a time with publisher confirms (as the relay does) to a durable fanout exchange and queue, prefetch {Prefetch}, one ack per message; same steady rate and burst. "
        + "The consumer's own change is only its inbox row: what is measured is the path, not a service's work.";

    public static IEnumerable<Figure> Figures(Result result) =>
    [
        new("Event path: outbox commit → consumed, at 50/s", "Outbox.Enqueue + SaveChanges → OutboxRelay → RabbitMQ → MassTransit consumer with inbox", null, Measurement.Of(result.Outbox.SteadyLatencies)),
        new("Raw broker: publish → consumed, at 50/s", "RabbitMQ.Client publish with confirm → consumer", null, Measurement.Of(result.Raw.SteadyLatencies)),
    ];

    public static IEnumerable<Rate> Rates(Result result) =>
    [
        new("Event path drain rate (outbox → consumer)", $"{Burst:N0} events committed at once, consumed per second", result.Outbox.PerSecond, "/s"),
        new("Raw broker rate (publish with confirm → consume)", $"{Burst:N0} messages, one confirmed publish at a time", result.Raw.PerSecond, "/s"),
        new("Event path ÷ raw broker rate", "same broker, same run", result.Ratio, "× raw", 0.5),
    ];

    /// <summary>When each sequence was committed and consumed.</summary>
    public sealed class Collector(Guid runId)
    {
        private readonly ConcurrentDictionary<long, long> committed = new();
        private readonly ConcurrentDictionary<long, long> consumed = new();

        public Guid RunId { get; } = runId;
        public int Count => consumed.Count;

        public void Committed(long sequence, long at) => committed[sequence] = at;

        public void Consumed(long sequence) => consumed.TryAdd(sequence, Stopwatch.GetTimestamp());

        /// <summary>Waits until every event from first to last was consumed.</summary>
        public async Task UntilAsync(long first, long last, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var next = first;
            while (next <= last && clock.Elapsed < timeout)
            {
                while (next <= last && consumed.ContainsKey(next)) next++;
                if (next <= last) await Task.Delay(2, cancellationToken);
            }
            if (next <= last) throw new InvalidOperationException($"Events {next}..{last} did not reach the consumer within {timeout.TotalSeconds:F0} s.");
        }

        public List<TimeSpan> Latencies(long first, long last)
        {
            var latencies = new List<TimeSpan>();
            for (var s = first; s <= last; s++)
                if (committed.TryGetValue(s, out var from) && consumed.TryGetValue(s, out var to)) latencies.Add(Stopwatch.GetElapsedTime(from, to));
            return latencies;
        }
    }
}

public sealed class EventPathDbContext(DbContextOptions<EventPathDbContext> options) : DbContext(options), IMessagingDbContext
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.MapOutboxAndInbox();
}

public sealed class EventPathConsumer(EventPathDbContext db, EventPath.Collector collector) : IConsumer<ConsentRateChanged>
{
    public async Task Consume(ConsumeContext<ConsentRateChanged> context)
    {
        // Events of the real campaigns service (if any) are not this run's.
        if (context.Message.CampaignId != collector.RunId) return;
        if (await db.HandleOnceAsync(context, nameof(EventPathConsumer), _ => Task.CompletedTask)) collector.Consumed(context.Message.Sequence);
    }
}
