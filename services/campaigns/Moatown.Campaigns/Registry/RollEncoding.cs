using System.Text;
using System.Text.Unicode;

namespace Moatown.Campaigns.Registry;

/// <summary>
/// Accepts UTF-8 (with or without BOM) only. Korean offices often save CSV as CP949/EUC-KR;
/// rather than guess an encoding (a wrong guess silently garbles names), such files are rejected
/// with an error that says how to save them as UTF-8. CP949 is only decoded to recognise it,
/// so the message can name it.
/// </summary>
internal static class RollEncoding
{
    private const string SaveAsUtf8 = "Save the file as \"CSV UTF-8 (comma delimited)\" and upload it again.";

    /// <summary>The UTF-8 content without its BOM, or null after adding the encoding error.</summary>
    public static ReadOnlyMemory<byte>? Utf8Content(ReadOnlyMemory<byte> bytes, List<RollError> errors)
    {
        if (bytes.Span.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        var span = bytes.Span;

        if (span is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            errors.Add(new(1, null, $"The file is saved as UTF-16 (\"Unicode text\"), not UTF-8. {SaveAsUtf8}"));
            return null;
        }

        if (Utf8.IsValid(span)) return bytes;

        var invalidAt = FirstInvalidByte(span);
        var line = 1 + span[..invalidAt].Count((byte)'\n');
        errors.Add(new(line, null, LooksLikeCp949(span)
            ? $"The file is not UTF-8: it looks like CP949/EUC-KR, the Korean encoding older Excel and Windows use. {SaveAsUtf8}"
            : $"The file is not valid UTF-8 text (the first unreadable character is on this line). {SaveAsUtf8}"));
        return null;
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> span)
    {
        var offset = 0;
        while (offset < span.Length)
        {
            var nonAscii = span[offset..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (nonAscii < 0) break;
            offset += nonAscii;
            if (Rune.DecodeFromUtf8(span[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
                return offset;
            offset += consumed;
        }
        return span.Length;
    }

    private static bool LooksLikeCp949(ReadOnlySpan<byte> span)
    {
        var cp949 = CodePagesEncodingProvider.Instance.GetEncoding(949, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        if (cp949 is null) return false;
        try
        {
            var text = cp949.GetString(span);
            return text.Any(c => c is >= '\uAC00' and <= '\uD7A3');
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
