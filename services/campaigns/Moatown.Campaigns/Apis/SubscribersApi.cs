using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Moatown.Campaigns.Broker;

namespace Moatown.Campaigns.Apis;

/// <summary>Provider admins give city systems, and take back, read access to the public events.</summary>
public static class SubscribersApi
{
    public static RouteGroupBuilder MapSubscribersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns/subscribers")
            .WithTags("Public events")
            .RequireAuthorization(CampaignPolicies.BrokerAdministration);
        api.MapPost("/", CreateSubscriber).WithName(nameof(CreateSubscriber));
        api.MapGet("/", ListSubscribers).WithName(nameof(ListSubscribers));
        api.MapDelete("/{name}", RevokeSubscriber).WithName(nameof(RevokeSubscriber));
        return api;
    }

    /// <param name="Name">Lower-case letters, digits and '-', 2 to 63 characters, e.g. "jungnang-permits".</param>
    /// <param name="Districts">The districts whose events it may read (e.g. ["중랑구"]); none means every district.</param>
    public sealed record SubscriberRequest(string? Name, IReadOnlyList<string>? Districts);

    public static async Task<Results<Created<CreatedSubscriber>, ValidationProblem, ProblemHttpResult>> CreateSubscriber(
        SubscriberRequest request, SubscriberAccess access, RabbitMqManagement management, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Name is null || !SubscriberAccess.ValidName().IsMatch(request.Name))
        {
            errors["name"] = ["Lower-case letters, digits and '-', 2 to 63 characters, starting with a letter or digit."];
        }
        var districts = (request.Districts ?? []).Select(d => d?.Trim().Normalize(NormalizationForm.FormC) ?? "").ToList();
        for (var i = 0; i < districts.Count; i++)
        {
            if (districts[i].Length is 0 or > CampaignRequestValidation.MaxDistrictLength)
            {
                errors[$"districts[{i}]"] = [$"A district name of 1 to {CampaignRequestValidation.MaxDistrictLength} characters."];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (!management.Configured)
        {
            return NotConfigured();
        }
        if (await management.QueueAsync(SubscriberAccess.QueueOf(request.Name!), cancellationToken) is not null)
        {
            return TypedResults.Problem(title: "Subscriber exists", detail: "Revoke it first to issue new credentials.", statusCode: StatusCodes.Status409Conflict);
        }
        var created = await access.CreateAsync(request.Name!, districts, cancellationToken);
        return TypedResults.Created($"/api/campaigns/subscribers/{created.Name}", created);
    }

    public static async Task<Results<Ok<IReadOnlyList<SubscriberInfo>>, ProblemHttpResult>> ListSubscribers(
        SubscriberAccess access, RabbitMqManagement management, CancellationToken cancellationToken) =>
        management.Configured ? TypedResults.Ok(await access.ListAsync(cancellationToken)) : NotConfigured();

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RevokeSubscriber(
        string name, SubscriberAccess access, RabbitMqManagement management, CancellationToken cancellationToken)
    {
        if (!management.Configured)
        {
            return NotConfigured();
        }
        if (!SubscriberAccess.ValidName().IsMatch(name))
        {
            return TypedResults.NotFound();
        }
        return await access.RevokeAsync(name, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
    }

    internal static ProblemHttpResult NotConfigured() => TypedResults.Problem(title: "Broker management is not configured",
        detail: "Set Messaging:Management:Url (the RabbitMQ management API).", statusCode: StatusCodes.Status503ServiceUnavailable);
}
