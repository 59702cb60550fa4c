using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.Model;
using Moatown.ServiceDefaults.Messaging;
using OpenTelemetry;
using RabbitMQ.Client;

namespace Moatown.Campaigns.PublicEvents;

/// <summary>
/// Publishes <c>public_events</c> rows to the public topic exchange, in each campaign's sequence
/// order, with publisher confirms: a row is marked published only after the broker confirmed it.
/// One replica relays at a time (an advisory lock), so two replicas never interleave a campaign's
/// events. A broker outage stops the batch at the first failure; the rows wait and go out in order
/// once it is back. A crash between confirm and commit sends a row again with the same id.
/// </summary>
public sealed partial class PublicEventRelay(
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    TimeProvider time,
    IOptions<PublicEventOptions> options,
    ILogger<PublicEventRelay> logger) : BackgroundService
{
    /// <summary>pg advisory lock key: "moatown.public" relay.</summary>
    private const long RelayLockKey = 0x6d6f61_7075626cL;

    private readonly PublicEventOptions _options = options.Value;
    private IConnection? _connection;
    private IChannel? _channel;
    private int _failures;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.RelayEnabled)
        {
            LogRelayDisabled();
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = _options.PollInterval;
            try
            {
                var outcome = await RelayBatchAsync(stoppingToken);
                if (outcome.Failed)
                {
                    wait = Backoff(++_failures);
                }
                else
                {
                    _failures = 0;
                    if (outcome.Published >= _options.BatchSize)
                    {
                        continue;
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogBatchFailed(ex.GetType().Name);
                await ResetChannelAsync();
                wait = Backoff(++_failures);
            }
            try
            {
                await Task.Delay(wait, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        await ResetChannelAsync();
    }

    public readonly record struct BatchOutcome(int Published, bool Failed);

    public async Task<BatchOutcome> RelayBatchAsync(CancellationToken cancellationToken)
    {
        using var quiet = SuppressInstrumentationScope.Begin();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CampaignsDbContext>();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(() => RelayBatchAsync(db, cancellationToken));
    }

    private async Task<BatchOutcome> RelayBatchAsync(CampaignsDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var mine = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({RelayLockKey}) AS \"Value\"").SingleAsync(cancellationToken);
        if (!mine)
        {
            return new BatchOutcome(0, false);
        }
        // A campaign's writers take its row lock before their first write, so within a campaign a
        // later sequence has a later transaction id; committed rows of one campaign have no holes.
        var due = await db.PublicEvents
            .Where(e => e.PublishedAt == null)
            .OrderBy(e => e.TransactionId).ThenBy(e => e.CampaignId).ThenBy(e => e.Sequence)
            .Take(_options.BatchSize)
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return new BatchOutcome(0, false);
        }

        var published = 0;
        var failed = false;
        try
        {
            var channel = await ChannelAsync(cancellationToken);
            foreach (var record in due)
            {
                await PublishAsync(channel, record, cancellationToken);
                record.PublishedAt = time.GetUtcNow();
                published++;
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Stop at the first failure: later events must not overtake the one that failed.
            failed = true;
            LogPublishFailed(due[published].Id, ex.GetType().Name);
            await ResetChannelAsync();
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        PublicEventTelemetry.Published.Add(published);
        return new BatchOutcome(published, failed);
    }

    private async Task PublishAsync(IChannel channel, PublicEventRecord record, CancellationToken cancellationToken)
    {
        var type = new Moatown.Contracts.Public.PublicEventType(record.Type, record.Major);
        var properties = new BasicProperties
        {
            MessageId = record.Id.ToString("D"),
            ContentType = CloudEventJson.ContentType,
            ContentEncoding = "utf-8",
            Type = type.CloudEventType,
            DeliveryMode = DeliveryModes.Persistent,
            Timestamp = new AmqpTimestamp(record.OccurredAt.ToUnixTimeSeconds()),
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        var routingKey = $"{Moatown.Contracts.Public.PublicEventTypes.Prefix}.{record.DistrictCode}.{type.Name}.v{type.Major}";
        // With confirmation tracking, the call returns once the broker confirmed, and throws on a nack.
        await channel.BasicPublishAsync(_options.Exchange, routingKey, mandatory: false, properties,
            Encoding.UTF8.GetBytes(record.CloudEvent), timeout.Token);
    }

    private async Task<IChannel> ChannelAsync(CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true })
        {
            return _channel;
        }
        await ResetChannelAsync();
        var uri = configuration.GetConnectionString(MessagingExtensions.BrokerConnectionName)
            ?? throw new InvalidOperationException($"Connection string '{MessagingExtensions.BrokerConnectionName}' is missing.");
        var factory = new ConnectionFactory
        {
            Uri = new Uri(uri),
            ClientProvidedName = "moatown-campaigns public events",
            // This relay reconnects itself; recovery underneath it would hide a lost confirm.
            AutomaticRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
        };
        _connection = await factory.CreateConnectionAsync(cancellationToken);
        _channel = await _connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        await _channel.ExchangeDeclareAsync(_options.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        return _channel;
    }

    private async Task ResetChannelAsync()
    {
        try
        {
            if (_channel is not null)
            {
                await _channel.DisposeAsync();
            }
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
        }
        catch (Exception ex)
        {
            LogCloseFailed(ex.GetType().Name);
        }
        _channel = null;
        _connection = null;
    }

    private TimeSpan Backoff(int failures)
    {
        var seconds = Math.Min(_options.MaxBackoff.TotalSeconds, 0.25 * Math.Pow(2, Math.Min(failures, 16)));
        return TimeSpan.FromSeconds(seconds * (0.8 + Random.Shared.NextDouble() * 0.4));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Public event relay is disabled by configuration")]
    private partial void LogRelayDisabled();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Public event relay batch failed ({ErrorType}); rows stay unpublished")]
    private partial void LogBatchFailed(string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing public event {EventId} failed ({ErrorType}); it and later events wait")]
    private partial void LogPublishFailed(Guid eventId, string errorType);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing the public event channel failed ({ErrorType})")]
    private partial void LogCloseFailed(string errorType);
}
