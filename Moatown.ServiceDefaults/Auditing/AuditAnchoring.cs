using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Moatown.Auditing;
using Npgsql;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;

namespace Moatown.ServiceDefaults.Auditing;

/// <summary>
/// Stamps the chain head with an RFC 3161 time-stamp whenever the chain has grown, so a chain rewritten
/// later (even with every hash recomputed) disagrees with a head a third party saw earlier.
/// </summary>
internal sealed partial class AuditAnchoring<TContext>(
    IServiceScopeFactory scopes, IHttpClientFactory httpClients, IOptions<AuditOptions> options, TimeProvider time,
    ILogger<AuditAnchoring<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    public const string HttpClientName = "audit-tsa";
    private static readonly SecureRandom Random = new();
    private static readonly TimeSpan CheckPeriod = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.TimeStampUrl is not { Length: > 0 } url)
        {
            LogNoAuthority(AuditOptions.Section);
            return;
        }
        // Looks every minute (or sooner), stamps when due: a new chain's first records are stamped within a
        // minute, later heads once per interval.
        using var timer = new PeriodicTimer(options.Value.AnchorInterval < CheckPeriod ? options.Value.AnchorInterval : CheckPeriod, time);
        do
        {
            try
            {
                await AnchorAsync(new Uri(url), stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The next tick tries again; the inspection report shows how old the last stamp is.
                LogAnchorFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task AnchorAsync(Uri authority, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (await AuditStore.HeadAsync(connection, cancellationToken) is not { } head)
            {
                return;
            }
            // Only the latest stamp: this runs every minute in every service, and the stamps accumulate.
            if (await AuditStore.LastAnchorAsync(connection, cancellationToken) is { } last
                && (last.Sequence >= head.Sequence || time.GetUtcNow() - last.TimeStampedAt < options.Value.AnchorInterval))
            {
                return;
            }

            var generator = new TimeStampRequestGenerator();
            generator.SetCertReq(true);
            var request = generator.Generate(TspAlgorithms.Sha256, AuditAnchors.Imprint(head.Hash), new BigInteger(64, Random));
            using var content = new ByteArrayContent(request.GetEncoded());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
            using var response = await httpClients.CreateClient(HttpClientName).PostAsync(authority, content, cancellationToken);
            response.EnsureSuccessStatusCode();
            var answer = new TimeStampResponse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            // Granted, for this imprint and nonce, with the TSA's certificate.
            answer.Validate(request);
            var token = answer.TimeStampToken ?? throw new TspException($"The TSA refused: {answer.GetStatusString()}");

            var anchor = new AuditAnchor(head.Sequence, head.Hash, token.GetEncoded(), token.TimeStampInfo.GenTime.ToUniversalTime(), authority.GetLeftPart(UriPartial.Path));
            if (AuditAnchors.Check(anchor, head.Hash) is { } problem)
            {
                throw new TspException($"The time-stamp does not hold: {problem}");
            }
            await AuditStore.AddAnchorAsync(connection, anchor, cancellationToken);
            LogAnchored(head.Sequence);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Section}:TimeStampUrl is not configured; the audit chain head is not time-stamped")]
    private partial void LogNoAuthority(string section);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit chain head {Sequence} time-stamped")]
    private partial void LogAnchored(long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Time-stamping the audit chain head failed")]
    private partial void LogAnchorFailed(Exception exception);
}
