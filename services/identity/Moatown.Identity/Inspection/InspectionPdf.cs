using System.Globalization;
using Moatown.Pdf;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Moatown.Identity.Inspection;

/// <summary>The inspection report on A4 for the file: the same figures as the JSON, warnings first.</summary>
internal static class InspectionPdf
{
    private const double Margin = 50;

    public static byte[] Render(InspectionReport report, string fontFamily)
    {
        using var document = new PdfDocument();
        document.Info.Title = "Moatown e-consent inspection report";
        var writer = new Writer(document, fontFamily);

        writer.Line("정보보호 점검 보고서 · Inspection report", 18, bold: true);
        writer.Line($"Generated {report.GeneratedAt:yyyy-MM-dd HH:mm:ss}Z by {report.GeneratedBy}", 10);
        writer.Gap(8);

        writer.Line($"경고 · Warnings ({report.Warnings.Count})", 14, bold: true);
        if (report.Warnings.Count == 0)
        {
            writer.Line("No control is off or due.", 10);
        }
        foreach (var warning in report.Warnings)
        {
            writer.Line($"[{warning.Severity}] {warning.Area}{(warning.Service is null ? "" : $" · {warning.Service}")}: {warning.Message}", 10);
        }
        writer.Gap(8);

        if (report.Accounts is { } accounts)
        {
            writer.Line("계정 · Staff accounts", 14, bold: true);
            writer.Line($"{accounts.Accounts} accounts, {accounts.Active} active; without two-factor: {accounts.WithoutTwoFactor.Count}; awaiting activation: {accounts.AwaitingActivation.Count}; dormant: {accounts.Dormant.Count}; locked: {accounts.Locked.Count}", 10);
            writer.Line($"Failed sign-ins in the last {accounts.WindowDays} days: {accounts.FailedSignIns}", 10);
            writer.Line($"Privilege changes in the last {accounts.WindowDays} days: {accounts.PrivilegeChanges.Count}", 10);
            foreach (var change in accounts.PrivilegeChanges)
            {
                writer.Line($"  {change.At:yyyy-MM-dd HH:mm}Z {change.Actor} {change.Action} {change.Resource} {change.Detail}", 9);
            }
            writer.Gap(8);
        }

        foreach (var service in report.Services)
        {
            writer.Line($"서비스 · {service.Service}", 14, bold: true);
            writer.Line("Encryption of personal data", 11, bold: true);
            foreach (var store in service.Stores)
            {
                writer.Line($"  {store.Table}.{store.Column} ({store.Holds}): {store.Encrypted:N0} of {store.Values:N0} encrypted, {store.Method}; by key: {string.Join(", ", store.ByKey.Select(k => $"{k.Key} {k.Value:N0}"))}", 9);
            }
            if (service.Stores.Count == 0)
            {
                writer.Line("  no personal-data columns", 9);
            }
            writer.Line("Keys", 11, bold: true);
            foreach (var key in service.Keys)
            {
                writer.Line($"  {key.Name} {key.Id}{(key.Active ? " (active)" : "")}: issued {Date(key.IssuedAt)}, rotated {Date(key.RotatedAt)}{(key.Note is null ? "" : $"; {key.Note}")}", 9);
            }
            writer.Line("Certificates", 11, bold: true);
            foreach (var certificate in service.Certificates)
            {
                writer.Line($"  {certificate.Name}: {certificate.Subject}, valid until {certificate.NotAfter:yyyy-MM-dd}", 9);
            }
            var audit = service.Audit;
            writer.Line("Audit chain", 11, bold: true);
            writer.Line($"  {(audit.Intact ? "intact" : "BROKEN")}: {audit.Records:N0} records, head {audit.HeadSequence?.ToString(CultureInfo.InvariantCulture) ?? "-"}; {audit.Anchors} time-stamped heads, last {Date(audit.LastAnchoredAt)}{(audit.Problem is null ? "" : $"; {audit.Problem}")}", 9);
            var database = service.Database;
            writer.Line("Database and backup", 11, bold: true);
            writer.Line($"  runtime role {database.RuntimeRole ?? "(none: the owner)"}; archive_mode {database.ArchiveMode}, {database.ArchivedSegments:N0} WAL segments archived, last {Date(database.LastArchivedAt)}, {database.FailedArchiveAttempts} failures", 9);
            writer.Gap(8);
        }
        foreach (var service in report.Unreachable)
        {
            writer.Line($"{service}: did not answer", 11, bold: true);
        }

        writer.Finish();
        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    private static string Date(DateTimeOffset? value) => value is { } date ? date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "Z" : "unknown";

    /// <summary>Lines down the page, wrapped to the margins, onto a new page when one is full.</summary>
    private sealed class Writer(PdfDocument document, string family)
    {
        private PdfPage? _page;
        private XGraphics? _gfx;
        private double _y;

        public void Line(string text, double size, bool bold = false)
        {
            var font = new XFont(family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            EnsurePage();
            var width = _page!.Width.Point - 2 * Margin;
            foreach (var line in TextLines.Wrap(_gfx!, text, font, width))
            {
                var height = font.GetHeight() * 1.2;
                if (_y + height > _page.Height.Point - Margin)
                {
                    NewPage();
                }
                _gfx!.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, width, height), XStringFormats.TopLeft);
                _y += height;
            }
        }

        public void Gap(double points) => _y += points;

        public void Finish() => _gfx?.Dispose();

        private void EnsurePage()
        {
            if (_page is null)
            {
                NewPage();
            }
        }

        private void NewPage()
        {
            _gfx?.Dispose();
            _page = document.AddPage();
            _page.Size = PageSize.A4;
            _gfx = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }
    }
}
