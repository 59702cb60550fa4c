using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;

namespace Moatown.Documents.Sealing;

/// <summary>
/// RFC 3161 over HTTP: a SHA-256 imprint, a fresh nonce and certReq, posted as
/// <c>application/timestamp-query</c>. Every way the TSA can fail us (no answer in time, an HTTP error, a
/// refusal, a token for another imprint or nonce, a signature that does not verify) is a
/// <see cref="TimestampUnavailableException"/>.
/// </summary>
public sealed class HttpTimestampAuthority(HttpClient http, IOptions<TsaOptions> options, SealingKeys keys, IServer server, ILogger<HttpTimestampAuthority> logger)
    : ITimestampAuthority
{
    public const string HttpClientName = "tsa";
    private const int MaxResponseBytes = 64 * 1024;
    private static readonly SecureRandom Random = new();

    public async Task<TimeStampToken> StampAsync(byte[] sha256, CancellationToken cancellationToken)
    {
        var generator = new TimeStampRequestGenerator();
        generator.SetCertReq(true);
        var request = generator.Generate(TspAlgorithms.Sha256, sha256, new BigInteger(64, Random));

        var url = Url();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        byte[] body;
        try
        {
            using var content = new ByteArrayContent(request.GetEncoded());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/timestamp-query");
            using var response = await http.PostAsync(url, content, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw Unavailable($"the TSA answered HTTP {(int)response.StatusCode}");
            }
            body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        }
        catch (HttpRequestException e)
        {
            throw Unavailable("the TSA could not be reached", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable($"the TSA did not answer within {options.Value.Timeout}", e);
        }
        catch (Exception e) when (e is not TimestampUnavailableException && !cancellationToken.IsCancellationRequested)
        {
            // The resilience pipeline has failures of its own (an attempt timeout, an open circuit): still no answer.
            throw Unavailable($"the TSA could not be asked ({e.GetType().Name})", e);
        }
        if (body.Length > MaxResponseBytes)
        {
            throw Unavailable("the TSA's answer is too large");
        }

        TimeStampResponse answer;
        try
        {
            answer = new TimeStampResponse(body);
            // Status granted, the same imprint, nonce and policy asked for, and a certificate since certReq was set.
            answer.Validate(request);
        }
        catch (Exception e) when (e is TspException or IOException or ArgumentException)
        {
            throw Unavailable("the TSA's answer is not a valid time-stamp response for this request", e);
        }
        if (answer.TimeStampToken is not { } token)
        {
            throw Unavailable($"the TSA refused: status {answer.Status} {answer.GetStatusString()}");
        }
        if (TimestampTokens.Check(token, sha256, keys.TsaRoots) is { } reason)
        {
            throw Unavailable(reason);
        }
        return token;
    }

    private TimestampUnavailableException Unavailable(string reason, Exception? inner = null)
    {
        logger.LogWarning(inner, "No time-stamp: {Reason}", reason);
        return new TimestampUnavailableException($"No time-stamp: {reason}.", inner);
    }

    /// <summary>The configured URL, or in Development this service's own built-in TSA.</summary>
    private Uri Url()
    {
        if (options.Value.Url is { Length: > 0 } url)
        {
            return new Uri(url);
        }
        if (!keys.BuiltInTsaEnabled)
        {
            throw new InvalidOperationException($"{TsaOptions.Section}:Url is required when the built-in TSA is off.");
        }
        // Kestrel lists the addresses it listens on; a test server lists none and answers any host.
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses
            .OrderBy(a => a.StartsWith("https", StringComparison.Ordinal))
            .FirstOrDefault() ?? "http://localhost";
        var self = new UriBuilder(address.Replace("://+", "://localhost").Replace("://*", "://localhost")
            .Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost"));
        self.Path = BuiltInTsaEndpoint.Path;
        return self.Uri;
    }
}
