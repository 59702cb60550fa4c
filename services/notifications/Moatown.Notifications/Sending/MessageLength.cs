using Moatown.Notifications.Model;

namespace Moatown.Notifications.Sending;

/// <summary>
/// Chooses SMS or LMS the way Korean carriers count: bytes in EUC-KR, one per ASCII character and
/// two per anything else (Hangul, Hanja, full-width signs). A character EUC-KR cannot hold counts two as
/// well, which only errs towards LMS. Over 90 bytes is an LMS; over 2,000 bytes cannot be sent at all.
/// </summary>
public static class MessageLength
{
    public const int SmsMaxBytes = 90;
    public const int LmsMaxBytes = 2000;

    public static int Bytes(string text)
    {
        var bytes = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            bytes += rune.IsAscii ? 1 : 2;
        }
        return bytes;
    }

    public static MessageKind KindOf(string text) => Bytes(text) <= SmsMaxBytes ? MessageKind.Sms : MessageKind.Lms;

    public static bool FitsLms(string text) => Bytes(text) <= LmsMaxBytes;
}
