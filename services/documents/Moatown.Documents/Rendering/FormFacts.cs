using System.Text.Json;
using PdfSharp.Pdf;

namespace Moatown.Documents.Rendering;

/// <summary>
/// What the composer needs to know about a rendered form without trusting the caller to pass it
/// again: written into the form PDF's info dictionary when it is rendered, read back on composition.
/// </summary>
internal sealed record FormFacts(Guid CampaignId, string CampaignName, string Title, int FormVersion, IReadOnlyList<string> StatutoryItems)
{
    private const string Key = "/MoatownConsentForm";

    public static FormFacts Of(ConsentFormContent form) =>
        new(form.CampaignId, form.CampaignName, form.Title, form.FormVersion, form.StatutoryItems);

    // JSON escapes everything outside ASCII by default, so the PDF string stays plain ASCII.
    public void WriteTo(PdfDocument document) =>
        document.Info.Elements.SetString(Key, JsonSerializer.Serialize(this));

    public static FormFacts? ReadFrom(PdfDocument document)
    {
        var json = document.Info.Elements.GetString(Key);
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<FormFacts>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
