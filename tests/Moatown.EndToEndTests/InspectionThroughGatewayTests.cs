using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Moatown.EndToEndTests;

/// <summary>The inspection report from the whole running system, as an auditor or provider admin fetches it.</summary>
[Collection(SystemCollection.Name)]
public sealed class InspectionThroughGatewayTests(SystemUnderTest system)
{
    [Fact]
    public async Task The_report_covers_every_service_of_the_running_system_in_json_and_pdf()
    {
        using var identity = await system.AuthorizedGatewayAsync("identity");

        var report = await identity.GetFromJsonAsync<JsonElement>("/api/identity/inspection");

        Assert.Empty(report.GetProperty("unreachable").EnumerateArray());
        var services = report.GetProperty("services").EnumerateArray().ToDictionary(s => s.GetProperty("service").GetString()!);
        Assert.Equal(["campaigns", "documents", "identity", "notifications", "signing"], services.Keys.Order());
        Assert.All(services.Values, service => Assert.True(service.GetProperty("audit").GetProperty("intact").GetBoolean()));
        // The development seed's demo roll is in the campaigns database, all of it ciphertext.
        var names = services["campaigns"].GetProperty("stores").EnumerateArray().Single(s => s.GetProperty("column").GetString() == "owner_name_protected");
        Assert.True(names.GetProperty("values").GetInt64() > 0);
        Assert.Equal(0, names.GetProperty("notEncrypted").GetInt64());
        Assert.DoesNotContain(report.GetProperty("warnings").EnumerateArray(), w => w.GetProperty("severity").GetString() == "critical");

        using var pdf = await identity.GetAsync("/api/identity/inspection/report.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var path = Path.Combine(Path.GetTempPath(), $"inspection-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, await pdf.Content.ReadAsByteArrayAsync());
        try
        {
            var text = await PdfTextAsync(path);
            Assert.Contains("Inspection report", text, StringComparison.Ordinal);
            Assert.Contains("roll_entries.owner_name_protected", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<string> PdfTextAsync(string path)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(path);
        start.ArgumentList.Add("-");
        using var process = Process.Start(start)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return text;
    }
}
