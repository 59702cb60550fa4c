namespace Moatown.Notifications.Model;

/// <summary>
/// Korean carriers' two text kinds: SMS up to 90 bytes, LMS (long message) up to 2,000 bytes,
/// both counted in EUC-KR, where a Hangul syllable takes two bytes. See <see cref="Sending.MessageLength"/>.
/// </summary>
public enum MessageKind
{
    Sms,
    Lms,
}
