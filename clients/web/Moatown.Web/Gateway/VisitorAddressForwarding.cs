namespace Moatown.Web.Gateway;

/// <summary>
/// Passes the visitor's address on to the gateway as X-Forwarded-For. Without it every resident
/// would share the web client's address, and identity's per-address throttle (20 requests per
/// 15 minutes) would lock out a whole campaign. The gateway honours it only from the networks named
/// in its Network:TrustedProxies, which is where the web client runs.
/// </summary>
internal sealed class VisitorAddressForwarding(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Interactive components run outside a request and have no visitor address to pass on.
        if (accessor.HttpContext?.Connection.RemoteIpAddress is { } visitor)
        {
            request.Headers.Remove("X-Forwarded-For");
            request.Headers.Add("X-Forwarded-For", visitor.ToString());
        }
        return base.SendAsync(request, cancellationToken);
    }
}
