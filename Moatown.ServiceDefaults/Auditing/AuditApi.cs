using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moatown.Auditing;
using Moatown.ServiceDefaults.Authentication;
using Npgsql;

namespace Moatown.ServiceDefaults.Auditing;

public static class AuditApi
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    /// <summary>
    /// <c>GET {prefix}/audit</c>: the records in chain order (auditors); <c>GET {prefix}/audit/verification</c>:
    /// the chain and its time-stamped heads checked now (auditors, provider admins, and identity's
    /// inspection).
    /// </summary>
    public static RouteGroupBuilder MapAuditApi<TContext>(this IEndpointRouteBuilder app, string prefix, string scope)
        where TContext : DbContext
    {
        var group = app.MapGroup($"{prefix}/audit").WithTags("Audit");
        // Lambdas over a resolved DbContext: the route analyzer cannot read a generic method group.
        group.MapGet("/", (HttpContext http, long? after, int? limit, CancellationToken cancellationToken) =>
                ListAsync(Database<TContext>(http), after, limit, cancellationToken)).WithName($"{scope}-{nameof(ListAsync)}")
            .RequireAuthorization(Policies.ScopeAndRoles(scope, Roles.Auditor));
        group.MapGet("/verification", (HttpContext http, CancellationToken cancellationToken) =>
                VerifyAsync(Database<TContext>(http), cancellationToken)).WithName($"{scope}-{nameof(VerifyAsync)}")
            .RequireAuthorization(AuditReaders(scope));
        return group;
    }

    private static DbContext Database<TContext>(HttpContext http) where TContext : DbContext =>
        http.RequestServices.GetRequiredService<TContext>();

    /// <summary>Auditors and provider admins, or the identity service compiling the inspection report.</summary>
    private static AuthorizationPolicy AuditReaders(string scope) => new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireAssertion(context => context.User.HasScope(scope)
            && (context.User.IsInRole(Roles.Auditor) || context.User.IsInRole(Roles.ProviderAdmin)
                || context.User.FindFirst("sub")?.Value == ServiceClients.Identity))
        .Build();

    public sealed record AuditRecordView(long Sequence, Guid Id, DateTimeOffset RecordedAt, string Actor, string Action, string Resource,
        string Outcome, string? Purpose, string? SourceAddress, JsonElement? Detail, string? TraceId, string Hash);

    public sealed record AuditPage(IReadOnlyList<AuditRecordView> Records, long? Next);

    public sealed record AuditVerificationView(bool Intact, long Records, long? HeadSequence, string? HeadHash, long? FirstBrokenSequence,
        string? Problem, int Anchors, DateTimeOffset? LastAnchoredAt, IReadOnlyList<string> AnchorProblems);

    public static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAsync(
        DbContext db, long? after, int? limit, CancellationToken cancellationToken)
    {
        if (after is < 0 || limit is < 1 or > MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [after is < 0 ? "after" : "limit"] = [after is < 0 ? "after is a record's sequence: 0 or more." : $"limit is between 1 and {MaxLimit}."],
            });
        }
        var take = limit ?? DefaultLimit;
        var records = new List<AuditRecordView>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await foreach (var record in AuditStore.ReadAsync((NpgsqlConnection)db.Database.GetDbConnection(), after ?? 0, take, cancellationToken))
            {
                records.Add(new AuditRecordView(record.Sequence, record.Id, record.RecordedAt, record.Actor, record.Action, record.Resource,
                    record.Outcome, record.Purpose, record.SourceAddress,
                    record.Detail is null ? null : JsonSerializer.Deserialize<JsonElement>(record.Detail), record.TraceId,
                    Convert.ToHexStringLower(record.Hash)));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return TypedResults.Ok(new AuditPage(records, records.Count == take ? records[^1].Sequence : null));
    }

    public static async Task<Ok<AuditVerificationView>> VerifyAsync(DbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var result = await AuditStore.VerifyAsync((NpgsqlConnection)db.Database.GetDbConnection(), cancellationToken);
            return TypedResults.Ok(new AuditVerificationView(result.Intact, result.Chain.IntactRecords, result.Chain.HeadSequence,
                result.Chain.HeadHash, result.Chain.FirstBrokenSequence, result.Chain.Problem, result.Anchors, result.LastAnchoredAt,
                result.AnchorProblems));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
