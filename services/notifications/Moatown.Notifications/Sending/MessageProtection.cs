namespace Moatown.Notifications.Sending;

/// <summary>
/// Purposes the message fields are encrypted under: a ciphertext copied into another column, or
/// into another service's table, does not decrypt there.
/// </summary>
public static class MessageProtection
{
    public const string Phone = "notifications.message.phone";
    public const string Text = "notifications.message.text";
    public const string PhoneIndex = "notifications.phone";
}
