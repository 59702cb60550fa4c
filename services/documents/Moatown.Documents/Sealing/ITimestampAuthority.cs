using Org.BouncyCastle.Tsp;

namespace Moatown.Documents.Sealing;

/// <summary>An RFC 3161 time-stamp authority.</summary>
public interface ITimestampAuthority
{
    /// <summary>A checked time-stamp token over a SHA-256 digest.</summary>
    /// <exception cref="TimestampUnavailableException">No valid token could be had; try again later.</exception>
    Task<TimeStampToken> StampAsync(byte[] sha256, CancellationToken cancellationToken);
}
