using Microsoft.AspNetCore.Http.HttpResults;
using Moatown.Campaigns.Broker;

namespace Moatown.Campaigns.Apis;

/// <summary>
/// Messages that failed their consumer after every retry, per error queue: provider admins look at
/// them (headers, never bodies), move them back once the fault is fixed, or throw them away.
/// </summary>
public static class DeadLettersApi
{
    public static RouteGroupBuilder MapDeadLettersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns/dead-letters")
            .WithTags("Dead letters")
            .RequireAuthorization(CampaignPolicies.BrokerAdministration);
        api.MapGet("/", ListDeadLetters).WithName(nameof(ListDeadLetters));
        api.MapPost("/{queue}/replay", ReplayDeadLetters).WithName(nameof(ReplayDeadLetters));
        api.MapPost("/{queue}/discard", DiscardDeadLetters).WithName(nameof(DiscardDeadLetters));
        return api;
    }

    public sealed record MoveResult(string Queue, string SourceQueue, int Messages);

    /// <param name="peek">How many messages of each queue to show (0 to 100, default 20).</param>
    public static async Task<Results<Ok<IReadOnlyList<DeadLetterQueue>>, ProblemHttpResult>> ListDeadLetters(
        DeadLetters deadLetters, RabbitMqManagement management, CancellationToken cancellationToken, int? peek = null)
    {
        if (!management.Configured)
        {
            return SubscribersApi.NotConfigured();
        }
        if (peek is < 0 or > 100)
        {
            return TypedResults.Problem(title: "Invalid peek", detail: "peek must be between 0 and 100.", statusCode: StatusCodes.Status400BadRequest);
        }
        return TypedResults.Ok(await deadLetters.ListAsync(peek ?? 20, cancellationToken));
    }

    /// <param name="messageId">Only this message; every message waiting when not given.</param>
    public static Task<Results<Ok<MoveResult>, NotFound, ProblemHttpResult>> ReplayDeadLetters(
        string queue, DeadLetters deadLetters, RabbitMqManagement management, CancellationToken cancellationToken, string? messageId = null) =>
        MoveAsync(queue, messageId, discard: false, deadLetters, management, cancellationToken);

    /// <param name="messageId">Only this message; every message (a purge) when not given.</param>
    public static async Task<Results<Ok<MoveResult>, NotFound, ProblemHttpResult>> DiscardDeadLetters(
        string queue, DeadLetters deadLetters, RabbitMqManagement management, CancellationToken cancellationToken, string? messageId = null)
    {
        if (messageId is not null || !management.Configured)
        {
            return await MoveAsync(queue, messageId, discard: true, deadLetters, management, cancellationToken);
        }
        if (await deadLetters.FindAsync(queue, cancellationToken) is not { } found)
        {
            return TypedResults.NotFound();
        }
        await deadLetters.DiscardAllAsync(queue);
        return TypedResults.Ok(new MoveResult(queue, DeadLetters.SourceOf(queue), (int)found.Messages));
    }

    private static async Task<Results<Ok<MoveResult>, NotFound, ProblemHttpResult>> MoveAsync(
        string queue, string? messageId, bool discard, DeadLetters deadLetters, RabbitMqManagement management, CancellationToken cancellationToken)
    {
        if (!management.Configured)
        {
            return SubscribersApi.NotConfigured();
        }
        if (await deadLetters.FindAsync(queue, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }
        var moved = await deadLetters.MoveAsync(queue, messageId, discard, cancellationToken);
        return TypedResults.Ok(new MoveResult(queue, DeadLetters.SourceOf(queue), moved));
    }
}
