using System.Buffers;
using System.Text;

namespace Moatown.Campaigns.Registry;

/// <summary>
/// RFC 4180 records read straight from UTF-8 bytes, in one pass. Working on bytes is safe because
/// the structural characters (comma, quote, CR, LF) are ASCII, and ASCII bytes never occur inside
/// a multi-byte UTF-8 character; each value is decoded once. Line breaks inside quoted values
/// are kept as LF, so a CRLF file and an LF file give the same values.
/// </summary>
internal sealed class CsvRecordReader(ReadOnlyMemory<byte> utf8)
{
    private static readonly SearchValues<byte> EndOfUnquoted = SearchValues.Create(",\r\n"u8);
    private static readonly SearchValues<byte> LineBreaks = SearchValues.Create("\r\n"u8);

    private readonly ArrayBufferWriter<byte> _quoted = new(256);
    private int _position;
    private int _line = 1;

    public bool TryRead(CsvRecord record)
    {
        var data = utf8.Span;
        if (_position >= data.Length) return false;

        record.Restart(_line);
        while (true)
        {
            record.Fields.Add(_position < data.Length && data[_position] == '"'
                ? ReadQuoted(data, record)
                : ReadUnquoted(data, record));

            if (_position >= data.Length) return true;
            switch (data[_position++])
            {
                case (byte)',':
                    continue;
                case (byte)'\r':
                    if (_position < data.Length && data[_position] == '\n') _position++;
                    _line++;
                    return true;
                default: // '\n'
                    _line++;
                    return true;
            }
        }
    }

    private string ReadUnquoted(ReadOnlySpan<byte> data, CsvRecord record)
    {
        var rest = data[_position..];
        var length = rest.IndexOfAny(EndOfUnquoted);
        if (length < 0) length = rest.Length;
        var value = rest[..length];
        _position += length;

        if (value.Contains((byte)'"'))
            record.Problems.Add(new(_line, record.Fields.Count,
                "A quote (\") inside a value is only allowed when the whole value is in quotes, with the inner quote doubled (\"\")."));
        return Encoding.UTF8.GetString(value);
    }

    private string ReadQuoted(ReadOnlySpan<byte> data, CsvRecord record)
    {
        var startLine = _line;
        _quoted.ResetWrittenCount();
        _position++; // opening quote
        while (true)
        {
            var rest = data[_position..];
            var quote = rest.IndexOf((byte)'"');
            if (quote < 0)
            {
                Append(rest);
                _position = data.Length;
                record.Problems.Add(new(startLine, record.Fields.Count,
                    "A value that starts with a quote (\") on this line is never closed: a closing quote is missing."));
                return Encoding.UTF8.GetString(_quoted.WrittenSpan);
            }

            Append(rest[..quote]);
            _position += quote + 1;
            if (_position < data.Length && data[_position] == '"')
            {
                _quoted.Write("\""u8);
                _position++;
                continue;
            }
            break;
        }

        if (_position < data.Length && !EndOfUnquoted.Contains(data[_position]))
        {
            record.Problems.Add(new(_line, record.Fields.Count,
                "There is text after the closing quote of a quoted value; a quote inside a value must be doubled (\"\")."));
            var rest = data[_position..];
            var skip = rest.IndexOfAny(EndOfUnquoted);
            _position += skip < 0 ? rest.Length : skip;
        }
        return Encoding.UTF8.GetString(_quoted.WrittenSpan);
    }

    /// <summary>Copies quoted text, turning CRLF and lone CR into LF and counting the lines they end.</summary>
    private void Append(ReadOnlySpan<byte> text)
    {
        if (!text.ContainsAny(LineBreaks))
        {
            _quoted.Write(text);
            return;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            if (b == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                b = (byte)'\n';
            }
            if (b == '\n') _line++;
            _quoted.Write([b]);
        }
    }
}
