using Moatown.IntegrationTests.Infrastructure;

namespace Moatown.IntegrationTests.Documents;

/// <summary>Reads a PDF the way the district office's tools would: poppler's pdftotext, pdfinfo, pdffonts and pdfimages.</summary>
internal sealed class Poppler : IDisposable
{
    private readonly DirectoryInfo _files = Directory.CreateTempSubdirectory("moatown-documents-");
    private int _count;

    public async Task<string> TextAsync(byte[] pdf) => await CommandLineTools.RunAsync("pdftotext", "-layout", Save(pdf), "-");

    /// <summary>The text with all whitespace removed: lines wrap and columns pad, so assertions look for words, not layout.</summary>
    public async Task<string> CompactTextAsync(byte[] pdf) =>
        new([.. (await CommandLineTools.RunAsync("pdftotext", Save(pdf), "-")).Where(c => !char.IsWhiteSpace(c))]);

    public async Task<string[]> PageTextsAsync(byte[] pdf)
    {
        var text = await CommandLineTools.RunAsync("pdftotext", Save(pdf), "-");
        return text.Split('\f');
    }

    public async Task<int> PageCountAsync(byte[] pdf)
    {
        var info = await CommandLineTools.RunAsync("pdfinfo", Save(pdf));
        var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<string> InfoAsync(byte[] pdf) => await CommandLineTools.RunAsync("pdfinfo", Save(pdf));

    public async Task<string> FontsAsync(byte[] pdf) => await CommandLineTools.RunAsync("pdffonts", Save(pdf));

    public async Task<string> ImagesAsync(byte[] pdf) => await CommandLineTools.RunAsync("pdfimages", "-list", Save(pdf));

    private string Save(byte[] pdf)
    {
        var path = Path.Combine(_files.FullName, $"{Interlocked.Increment(ref _count)}.pdf");
        File.WriteAllBytes(path, pdf);
        return path;
    }

    public void Dispose() => _files.Delete(recursive: true);
}
