using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moatown.Contracts;
using OpenTelemetry;

namespace Moatown.ServiceDefaults.Messaging;

public sealed class OutboxRelayOptions
{
    public const string Section = "Messaging:Outbox";

    /// <summary>
    /// Off for a replica that must not publish (for example while an operator inspects a stuck
    /// outbox); its rows are left for the replicas that do.
    /// </summary>
    public bool RelayEnabled { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public int BatchSize { get; set; } = 50;
    /// <summary>How long one publish may wait for the broker's confirm before it counts as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Publishes committed outbox rows to RabbitMQ. Rows are claimed with FOR UPDATE SKIP LOCKED so
/// replicas share the work; a row is marked published only after the broker confirmed it, so a
/// crash between publish and commit re-publishes the same message id, which inboxes drop.
/// </summary>
public sealed partial class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    TimeProvider time,
    IOptions<OutboxRelayOptions> options,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext, IMessagingDbContext
{
    private readonly OutboxRelayOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.RelayEnabled)
        {
            LogRelayDisabled();
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            int published;
            try
            {
                published = await RelayBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unavailable; the rows stay and are retried.
                LogBatchFailed(ex);
                published = 0;
            }

            if (published < _options.BatchSize)
            {
                try
                {
                    await signal.WaitAsync(_options.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Publishes one batch of due rows; returns how many rows it handled.</summary>
    public async Task<int> RelayBatchAsync(CancellationToken cancellationToken)
    {
        // Polling runs every second in every replica: untraced, or it buries the traces people
        // look for. Publishing re-enables tracing, so every relayed event still shows up.
        using var quiet = SuppressInstrumentationScope.Begin();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = time.GetUtcNow();
            var due = await db.OutboxMessages
                .FromSql($"""
                    SELECT * FROM outbox_messages
                    WHERE published_at IS NULL AND next_attempt_at <= {now}
                    ORDER BY occurred_at, id
                    LIMIT {_options.BatchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(cancellationToken);

            foreach (var message in due)
            {
                // Stop at the first failure: the broker is likely down, and later rows must not
                // overtake earlier ones.
                if (!await PublishOneAsync(message, cancellationToken))
                {
                    break;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return due.Count;
        });
    }

    private async Task<bool> PublishOneAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        using var traced = SuppressInstrumentationScope.Begin(false);
        ActivityContext.TryParse(message.TraceParent, message.TraceState, out var parent);
        using var activity = MessagingTelemetry.Source.StartActivity(
            $"outbox relay {message.MessageType}", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", message.Id);

        try
        {
            var type = EventTypes.Resolve(message.MessageType);
            var @event = JsonSerializer.Deserialize(message.Payload, type, Outbox.SerializerOptions)
                ?? throw new InvalidOperationException("Outbox payload is empty.");

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.PublishTimeout);
            await bus.Publish(@event, type, context => context.MessageId = message.Id, timeout.Token);

            message.PublishedAt = time.GetUtcNow();
            message.LastError = null;
            MessagingTelemetry.Published.Add(1, new KeyValuePair<string, object?>("type", message.MessageType));
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            message.Attempts++;
            message.NextAttemptAt = time.GetUtcNow() + Backoff(message.Attempts);
            // Exception type and message only: payloads never reach logs.
            message.LastError = $"{ex.GetType().Name}: {ex.Message}";
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            MessagingTelemetry.PublishFailures.Add(1, new KeyValuePair<string, object?>("type", message.MessageType));
            LogPublishFailed(message.Id, message.MessageType, message.Attempts, ex.GetType().Name);
            return false;
        }
    }

    private TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Min(_options.MaxBackoff.TotalSeconds, 0.5 * Math.Pow(2, Math.Min(attempts, 16)));
        return TimeSpan.FromSeconds(seconds * (0.8 + Random.Shared.NextDouble() * 0.4));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay is disabled by configuration; events wait for another replica")]
    private partial void LogRelayDisabled();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay batch failed; rows stay queued")]
    private partial void LogBatchFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing outbox message {MessageId} ({MessageType}) failed, attempt {Attempts}: {ErrorType}")]
    private partial void LogPublishFailed(Guid messageId, string messageType, int attempts, string errorType);
}
