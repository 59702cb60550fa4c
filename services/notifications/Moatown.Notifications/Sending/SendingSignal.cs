using Moatown.ServiceDefaults.Hosting;

namespace Moatown.Notifications.Sending;

/// <summary>
/// Wakes this process's sender when it queues a message, so a verification code leaves in
/// milliseconds instead of at the next poll. Messages queued by other replicas are found by polling.
/// </summary>
public sealed class SendingSignal : WakeUpSignal;
