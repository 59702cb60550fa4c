using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace Moatown.Pdf;

/// <summary>
/// The NanumGothic faces of one font folder, as PDFsharp finds them. PDFsharp has one font resolver
/// per process and it may be set only once, while each host (and each test host, and each service
/// when several share a test process) may name its own folder; so the one resolver takes the folder
/// as the family name and every document asks for its own.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string RegularFile = "NanumGothic.ttf";
    public const string BoldFile = "NanumGothicBold.ttf";

    /// <summary>Where Debian's fonts-nanum puts its TrueType files.</summary>
    public const string DebianFontDirectory = "/usr/share/fonts/truetype/nanum";

    private static readonly Lock InstallLock = new();
    private static bool _installed;

    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    private PdfFonts()
    {
    }

    /// <summary>The family name of the faces in <paramref name="directory"/>, after making sure PDFsharp resolves it.</summary>
    public static string Family(string directory)
    {
        lock (InstallLock)
        {
            if (!_installed)
            {
                GlobalFontSettings.FontResolver = new PdfFonts();
                _installed = true;
            }
        }
        return Path.GetFullPath(directory);
    }

    /// <summary>The font files <paramref name="directory"/> lacks: checked before drawing, so a missing font is a clear answer, not an exception inside PDFsharp.</summary>
    public static IReadOnlyList<string> Missing(string directory) =>
        [.. new[] { RegularFile, BoldFile }.Where(file => !File.Exists(Path.Combine(directory, file)))];

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // NanumGothic has no italic face; no Moatown document uses one.
        new(Path.Combine(familyName, bold ? BoldFile : RegularFile));

    public byte[]? GetFont(string faceName) =>
        _faces.GetOrAdd(faceName, File.ReadAllBytes);
}
