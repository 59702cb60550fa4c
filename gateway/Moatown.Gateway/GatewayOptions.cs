namespace Moatown.Gateway;

/// <summary>
/// The gateway's own limits, bound from the <c>Gateway</c> configuration section. The defaults
/// are safe for production; environments override them (e.g. <c>Gateway__MaxRequestBodyBytes</c>).
/// </summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>
    /// Largest request body accepted at the edge (document uploads are the biggest); anything
    /// above it is refused before a service spends memory on it.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 10 * 1024 * 1024;

    public RateLimitOptions RateLimits { get; set; } = new();

    public sealed class RateLimitOptions
    {
        /// <summary>Sign-in, discovery and resident entry points.</summary>
        public FixedWindowLimit Anonymous { get; set; } = new();

        /// <summary>The OpenAPI documents; one /docs page load fetches all five.</summary>
        public FixedWindowLimit ApiReference { get; set; } = new();
    }

    public sealed class FixedWindowLimit
    {
        public int PermitLimit { get; set; } = 60;

        public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

        internal bool IsValid() => PermitLimit > 0 && Window > TimeSpan.Zero;
    }

    internal bool IsValid() =>
        MaxRequestBodyBytes > 0 && RateLimits.Anonymous.IsValid() && RateLimits.ApiReference.IsValid();
}
