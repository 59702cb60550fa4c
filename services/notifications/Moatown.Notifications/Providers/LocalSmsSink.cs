namespace Moatown.Notifications.Providers;

/// <summary>
/// The provider of Development and tests: nothing leaves the machine. The message row already holds
/// the encrypted text, so the row is the sink; the outbox API shows it decrypted to a developer.
/// </summary>
public sealed class LocalSmsSink : ISmsProvider
{
    public const string ProviderName = "local";

    public string Name => ProviderName;

    public Task<SmsSendResult> SendAsync(SmsRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<SmsSendResult>(new SmsSendResult.Accepted($"local-{request.MessageId:N}", Delivered: true));
}
