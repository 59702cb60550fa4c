using System.Diagnostics;

namespace Moatown.ServiceDefaults.Messaging;

internal static class MessagingTelemetry
{
    public const string SourceName = "Moatown.Messaging";
    public static readonly ActivitySource Source = new(SourceName);
}
