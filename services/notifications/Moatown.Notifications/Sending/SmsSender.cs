using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Moatown.Notifications.Data;
using Moatown.Notifications.Model;
using Moatown.Notifications.Providers;
using Moatown.ServiceDefaults.PersonalData;
using OpenTelemetry;

namespace Moatown.Notifications.Sending;

/// <summary>
/// Sends queued messages, one per transaction: the row is claimed with FOR UPDATE SKIP LOCKED so
/// replicas never send the same message, and its number with an advisory lock so replicas agree on
/// the per-number throttle. A failed attempt is retried with exponential backoff up to
/// <see cref="SendingOptions.MaxAttempts"/>, then the message is marked failed. A process that dies
/// after the provider accepted but before commit sends again with the same clientReference, which
/// the provider answers with its first message (the local sink has nothing to repeat).
/// </summary>
public sealed partial class SmsSender(
    IServiceScopeFactory scopes,
    SendingSignal signal,
    TimeProvider time,
    IOptions<SendingOptions> options,
    ILogger<SmsSender> logger) : BackgroundService
{
    private readonly SendingOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            LogSendingDisabled();
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly away; queued rows stay queued.
                LogPassFailed(ex.GetType().Name);
            }
            if (handled < _options.BatchSize)
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

    /// <summary>Handles up to one batch of due messages; returns how many it handled.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var handled = 0;
        while (handled < _options.BatchSize && await SendNextAsync(cancellationToken))
        {
            handled++;
        }
        return handled;
    }

    private async Task<bool> SendNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var provider = scope.ServiceProvider.GetRequiredService<ISmsProvider>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            OutgoingMessage? message;
            // Polling every second in every replica would bury the traces people look for.
            using (SuppressInstrumentationScope.Begin())
            {
                var now = time.GetUtcNow();
                message = await db.OutgoingMessages
                    .FromSql($"""
                        SELECT * FROM outgoing_messages
                        WHERE status = 'queued' AND next_attempt_at <= {now}
                        ORDER BY next_attempt_at, id
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED
                        """)
                    .FirstOrDefaultAsync(cancellationToken);
                if (message is null)
                {
                    return false;
                }
            }

            // One sender per number at a time across replicas, so two cannot both see room under the limit.
            await db.Database.ExecuteSqlAsync(
                $"SELECT pg_advisory_xact_lock(hashtextextended({message.RecipientPhoneIndex}, 0))", cancellationToken);
            var throttledUntil = await ThrottledUntilAsync(db, message.RecipientPhoneIndex, cancellationToken);
            if (throttledUntil is { } until)
            {
                message.NextAttemptAt = until;
                LogThrottled(message.Id, until);
            }
            else
            {
                await AttemptAsync(message, provider, protector, cancellationToken);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        });
    }

    /// <summary>When the number has room again, or null when it has room now.</summary>
    private async Task<DateTimeOffset?> ThrottledUntilAsync(NotificationsDbContext db, string phoneIndex, CancellationToken cancellationToken)
    {
        var windowStart = time.GetUtcNow() - _options.ThrottleWindow;
        var recent = await db.OutgoingMessages.AsNoTracking()
            .Where(m => m.RecipientPhoneIndex == phoneIndex && m.SentAt > windowStart)
            .OrderByDescending(m => m.SentAt)
            .Select(m => m.SentAt!.Value)
            .Take(_options.MessagesPerNumber)
            .ToListAsync(cancellationToken);
        // The number frees up when the oldest of the last N sends leaves the window.
        return recent.Count >= _options.MessagesPerNumber ? recent[^1] + _options.ThrottleWindow : null;
    }

    private async Task AttemptAsync(OutgoingMessage message, ISmsProvider provider, PersonalDataProtector protector, CancellationToken cancellationToken)
    {
        message.Attempts++;
        message.Provider = provider.Name;
        SmsSendResult result;
        try
        {
            var request = new SmsRequest(
                message.Id,
                protector.Unprotect(message.RecipientPhone, MessageProtection.Phone),
                protector.Unprotect(message.Text, MessageProtection.Text),
                message.Kind,
                message.IdempotencyKey);
            result = await provider.SendAsync(request, cancellationToken);
        }
        catch (CryptographicException ex)
        {
            // Its key is gone or the row was altered: no later attempt can read it either.
            result = new SmsSendResult.PermanentFailure(ex.GetType().Name);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever else went wrong, this message must not block the queue: it waits its backoff like any failure.
            result = new SmsSendResult.TransientFailure(ex.GetType().Name);
        }
        var now = time.GetUtcNow();
        switch (result)
        {
            case SmsSendResult.Accepted accepted:
                message.Status = accepted.Delivered ? MessageStatus.Delivered : MessageStatus.Sent;
                message.SentAt = now;
                message.DeliveredAt = accepted.Delivered ? now : null;
                message.ProviderMessageId = accepted.ProviderMessageId;
                message.LastError = null;
                LogSent(message.Id, provider.Name, message.Attempts);
                break;
            case SmsSendResult.TransientFailure failure when message.Attempts < _options.MaxAttempts:
                message.NextAttemptAt = now + Backoff(message.Attempts);
                message.LastError = failure.Reason;
                LogRetrying(message.Id, message.Attempts, failure.Reason, message.NextAttemptAt);
                break;
            case SmsSendResult.TransientFailure failure:
                Fail(message, failure.Reason, now);
                break;
            case SmsSendResult.PermanentFailure failure:
                Fail(message, failure.Reason, now);
                break;
        }
    }

    private void Fail(OutgoingMessage message, string reason, DateTimeOffset now)
    {
        message.Status = MessageStatus.Failed;
        message.FailedAt = now;
        message.LastError = reason;
        LogFailed(message.Id, message.Attempts, reason);
    }

    private TimeSpan Backoff(int attempts)
    {
        var seconds = Math.Min(_options.MaxBackoff.TotalSeconds, _options.FirstBackoff.TotalSeconds * Math.Pow(2, Math.Min(attempts - 1, 16)));
        return TimeSpan.FromSeconds(seconds * (0.8 + Random.Shared.NextDouble() * 0.4));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS sending is disabled by configuration; messages wait for another replica")]
    private partial void LogSendingDisabled();

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS sending pass failed ({ErrorType}); messages stay queued")]
    private partial void LogPassFailed(string errorType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} sent through {Provider}, attempt {Attempts}")]
    private partial void LogSent(Guid messageId, string provider, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} attempt {Attempts} failed ({Reason}); next attempt at {NextAttemptAt}")]
    private partial void LogRetrying(Guid messageId, int attempts, string reason, DateTimeOffset nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} failed after {Attempts} attempts ({Reason})")]
    private partial void LogFailed(Guid messageId, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {MessageId} waits for its number's throttle until {Until}")]
    private partial void LogThrottled(Guid messageId, DateTimeOffset until);
}
