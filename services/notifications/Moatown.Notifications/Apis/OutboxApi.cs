using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Moatown.Notifications.Data;
using Moatown.Notifications.Providers;
using Moatown.Notifications.Sending;
using Moatown.ServiceDefaults.PersonalData;

namespace Moatown.Notifications.Apis;

/// <summary>
/// The local sink, read back: the texts residents would have received, so a developer or a test can
/// follow a link or type a code. It exists only while the sink is the provider; with a real provider
/// texts are never shown again.
/// </summary>
public static class OutboxApi
{
    private const int DefaultTake = 50;
    private const int MaxTake = 200;

    public static RouteGroupBuilder MapOutboxApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notifications/outbox")
            .WithTags("Local SMS sink");

        api.MapGet("/", GetOutbox).WithName(nameof(GetOutbox)).RequireAuthorization(NotificationPolicies.ReadSink);
        api.MapGet("/page", GetOutboxPage).WithName(nameof(GetOutboxPage)).RequireAuthorization(NotificationPolicies.ReadSink)
            .ExcludeFromDescription();
        return api;
    }

    /// <summary>The latest messages, newest first, with their text and a masked number.</summary>
    public static async Task<Results<Ok<List<SinkMessage>>, NotFound, ValidationProblem>> GetOutbox(
        int? take, NotificationsDbContext db, PersonalDataProtector protector, IOptions<SmsProviderOptions> sms,
        CancellationToken cancellationToken)
    {
        if (sms.Value.Provider != SmsProviderOptions.Local)
        {
            return TypedResults.NotFound();
        }
        if (take is < 1 or > MaxTake)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["take"] = [$"take is between 1 and {MaxTake}."] });
        }
        return TypedResults.Ok(await LatestAsync(take ?? DefaultTake, db, protector, cancellationToken));
    }

    /// <summary>The same list as a page a person can read in a browser.</summary>
    public static async Task<Results<ContentHttpResult, NotFound>> GetOutboxPage(
        NotificationsDbContext db, PersonalDataProtector protector, IOptions<SmsProviderOptions> sms,
        CancellationToken cancellationToken)
    {
        if (sms.Value.Provider != SmsProviderOptions.Local)
        {
            return TypedResults.NotFound();
        }
        var messages = await LatestAsync(DefaultTake, db, protector, cancellationToken);
        var html = HtmlEncoder.Default;
        var page = new StringBuilder("""
            <!doctype html><html lang="ko"><head><meta charset="utf-8"><title>SMS sink</title>
            <style>body{font:16px sans-serif;margin:2em}td,th{border-bottom:1px solid #ccc;padding:.4em;text-align:left;vertical-align:top}td.text{white-space:pre-wrap;max-width:40em}</style>
            </head><body><h1>Local SMS sink</h1><table><tr><th>queued</th><th>to</th><th>kind</th><th>status</th><th>template</th><th>text</th></tr>
            """);
        foreach (var m in messages)
        {
            page.Append("<tr><td>").Append(html.Encode(m.QueuedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture)))
                .Append("</td><td>").Append(html.Encode(m.Phone))
                .Append("</td><td>").Append(html.Encode(m.Kind))
                .Append("</td><td>").Append(html.Encode(m.Status))
                .Append("</td><td>").Append(html.Encode(m.Template))
                .Append("</td><td class=\"text\">").Append(html.Encode(m.Text))
                .Append("</td></tr>");
        }
        page.Append("</table></body></html>");
        return TypedResults.Content(page.ToString(), "text/html; charset=utf-8");
    }

    private static async Task<List<SinkMessage>> LatestAsync(int take, NotificationsDbContext db, PersonalDataProtector protector,
        CancellationToken cancellationToken)
    {
        var rows = await db.OutgoingMessages.AsNoTracking()
            .OrderByDescending(m => m.QueuedAt).ThenByDescending(m => m.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(m => new SinkMessage(
            m.Id, m.CampaignId, m.HolderId, m.Purpose, $"{m.TemplateId}.v{m.TemplateVersion}",
            m.Kind.ToString().ToUpperInvariant(), m.Status.ToString().ToLowerInvariant(),
            PersonalDataMasking.Phone(protector.Unprotect(m.RecipientPhone, MessageProtection.Phone)),
            protector.Unprotect(m.Text, MessageProtection.Text),
            m.QueuedAt, m.SentAt, m.DeliveredAt))];
    }
}

/// <param name="Phone">Masked (010-****-5678): the sink shows what was sent, not whom to call.</param>
public sealed record SinkMessage(
    Guid Id, Guid CampaignId, Guid HolderId, string Purpose, string Template, string Kind, string Status,
    string Phone, string Text, DateTimeOffset QueuedAt, DateTimeOffset? SentAt, DateTimeOffset? DeliveredAt);
