namespace Moatown.Documents.Sealing;

/// <summary>
/// The TSA did not answer, answered with an error, refused, or sent a token that does not check out.
/// Nothing has been sealed: the caller should wait and try again. A document is never sealed with a
/// time the service made up itself.
/// </summary>
public sealed class TimestampUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
