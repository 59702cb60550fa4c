using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Moatown.Notifications.Data;
using Moatown.Notifications.Model;
using Moatown.Notifications.Providers;

namespace Moatown.Notifications.Apis;

/// <summary>
/// The HTTP provider's delivery reports. The provider has no token from our identity service, so the
/// endpoint is anonymous and checks the shared secret from configuration instead (constant time).
/// </summary>
public static class SmsCallbackApi
{
    public const string SecretHeader = "X-Callback-Secret";

    public static RouteGroupBuilder MapSmsCallbackApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notifications/sms")
            .WithTags("SMS provider callbacks");

        api.MapPost("/callback", ReceiveDeliveryReport).WithName(nameof(ReceiveDeliveryReport))
            .AllowAnonymous();
        return api;
    }

    /// <summary>Records "delivered" or "failed" for the message the provider names; a repeated report changes nothing.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> ReceiveDeliveryReport(
        [FromHeader(Name = SecretHeader)] string? secret, DeliveryReport report,
        NotificationsDbContext db, IOptions<SmsProviderOptions> sms, TimeProvider time, CancellationToken cancellationToken)
    {
        if (sms.Value.Provider != SmsProviderOptions.Http || !SecretMatches(secret, sms.Value.CallbackSecret))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The callback secret is missing or wrong.");
        }
        var status = report.Status?.ToLowerInvariant() switch
        {
            "delivered" => MessageStatus.Delivered,
            "failed" => MessageStatus.Failed,
            _ => (MessageStatus?)null,
        };
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(report.MessageId) || report.MessageId.Length > 200)
        {
            errors["messageId"] = ["messageId is the provider's message id."];
        }
        if (status is null)
        {
            errors["status"] = ["status is 'delivered' or 'failed'."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var message = await db.OutgoingMessages.FirstOrDefaultAsync(
            m => m.Provider == HttpSmsProvider.ProviderName && m.ProviderMessageId == report.MessageId, cancellationToken);
        if (message is null)
        {
            // Possibly a report that overtook our own commit of "sent": the provider should retry.
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No message has this provider message id.");
        }
        if (message.Status is MessageStatus.Queued or MessageStatus.Sent)
        {
            var at = report.At ?? time.GetUtcNow();
            message.Status = status!.Value;
            if (status == MessageStatus.Delivered)
            {
                message.DeliveredAt = at;
            }
            else
            {
                message.FailedAt = at;
                message.LastError = "provider reported failure" + (report.Reason is { Length: > 0 and <= 100 } reason ? $": {reason}" : "");
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.NoContent();
    }

    private static bool SecretMatches(string? presented, string? expected)
    {
        if (string.IsNullOrEmpty(presented) || string.IsNullOrEmpty(expected))
        {
            return false;
        }
        // Hashing first makes the comparison's time independent of both lengths.
        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}

/// <param name="MessageId">The provider's message id, as it answered the send.</param>
/// <param name="Status">"delivered" or "failed".</param>
/// <param name="At">When the provider learned it; now when absent.</param>
/// <param name="Reason">The provider's failure code, kept short.</param>
public sealed record DeliveryReport(string? MessageId, string? Status, DateTimeOffset? At, string? Reason);
