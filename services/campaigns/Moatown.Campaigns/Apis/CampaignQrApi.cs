using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Moatown.Campaigns.Data;
using Moatown.Campaigns.Entry;
using Moatown.Campaigns.Model;
using Moatown.Pdf;

namespace Moatown.Campaigns.Apis;

/// <summary>
/// The campaign's QR code and poster, pointing at its entry page. A draft has them too, so the
/// organizer can print and check posters before opening; a closed campaign has none, since its
/// entry page no longer takes consents and a fresh poster would only mislead.
/// </summary>
public static partial class CampaignQrApi
{
    public static RouteGroupBuilder MapCampaignQrApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/campaigns/{id:guid}")
            .WithTags("Campaign QR code")
            .RequireAuthorization(CampaignPolicies.Read);

        api.MapGet("/qr.png", GetEntryQrPng).WithName(nameof(GetEntryQrPng)).ProducesFile("image/png");
        api.MapGet("/qr.svg", GetEntryQrSvg).WithName(nameof(GetEntryQrSvg)).ProducesFile("image/svg+xml");
        api.MapGet("/poster.pdf", GetEntryPoster).WithName(nameof(GetEntryPoster)).ProducesFile("application/pdf");
        return api;
    }

    /// <summary>A file result documents no content type of its own; the API reference should say what comes back.</summary>
    private static RouteHandlerBuilder ProducesFile(this RouteHandlerBuilder endpoint, string contentType) =>
        endpoint.Produces(StatusCodes.Status200OK, typeof(byte[]), contentType)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>The QR code of the campaign's entry page as a PNG; <c>size</c> is pixels per module (4 to 40, 10 when not given).</summary>
    public static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem, ProblemHttpResult>> GetEntryQrPng(
        Guid id, int? size, ClaimsPrincipal user, CampaignsDbContext db, IOptions<EntryOptions> options, CancellationToken cancellationToken)
    {
        // Whose campaign first: a caller who may not see it is told "not found" whatever the size.
        var entry = await FindEntryAsync(id, user, db, options.Value, cancellationToken);
        if (entry.Refusal is { } refusal)
        {
            return refusal;
        }
        if (entry.Link is not { } link)
        {
            return TypedResults.NotFound();
        }
        var pixelsPerModule = size ?? EntryQrCode.DefaultPixelsPerModule;
        if (pixelsPerModule is < EntryQrCode.MinPixelsPerModule or > EntryQrCode.MaxPixelsPerModule)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["size"] = [$"Pixels per module must be from {EntryQrCode.MinPixelsPerModule} to {EntryQrCode.MaxPixelsPerModule}."],
            });
        }
        return TypedResults.File(new EntryQrCode(link).Png(pixelsPerModule), "image/png");
    }

    /// <summary>The QR code of the campaign's entry page as an SVG, to scale to any print size.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> GetEntryQrSvg(
        Guid id, ClaimsPrincipal user, CampaignsDbContext db, IOptions<EntryOptions> options, CancellationToken cancellationToken)
    {
        var entry = await FindEntryAsync(id, user, db, options.Value, cancellationToken);
        if (entry.Refusal is { } refusal)
        {
            return refusal;
        }
        if (entry.Link is not { } link)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(new EntryQrCode(link).Svg()), "image/svg+xml");
    }

    /// <summary>A printable A4 poster: the campaign, its area, the QR code, how to take part in Korean and the entry address.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> GetEntryPoster(
        Guid id, ClaimsPrincipal user, CampaignsDbContext db, IOptions<EntryOptions> options, IOptions<PosterOptions> posterOptions,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var entry = await FindEntryAsync(id, user, db, options.Value, cancellationToken);
        if (entry.Refusal is { } refusal)
        {
            return refusal;
        }
        if (entry is not { Campaign: { } campaign, Link: { } link })
        {
            return TypedResults.NotFound();
        }
        var fontDirectory = posterOptions.Value.FontDirectory;
        if (PdfFonts.Missing(fontDirectory) is { Count: > 0 } missing)
        {
            LogFontsMissing(loggers.CreateLogger(typeof(CampaignQrApi)), string.Join(", ", missing), fontDirectory);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Poster font is not installed",
                detail: $"Install Debian's fonts-nanum, or set {PosterOptions.SectionName}:FontDirectory to a folder with "
                    + $"{PdfFonts.RegularFile} and {PdfFonts.BoldFile}.");
        }
        var pdf = EntryPoster.Draw(campaign, link, PdfFonts.Family(fontDirectory));
        return TypedResults.File(pdf, "application/pdf", PosterFileName(campaign.Name));
    }

    private static async Task<EntryLookup> FindEntryAsync(
        Guid id, ClaimsPrincipal user, CampaignsDbContext db, EntryOptions options, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking()
            .VisibleTo(user)
            .FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (campaign is null)
        {
            // Someone else's campaign is reported as missing, so ids cannot be probed.
            return new(null, null, null);
        }
        if (campaign.Status == CampaignStatus.Closed)
        {
            return new(campaign, null, TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Campaign is closed",
                detail: "A closed campaign's entry page takes no more consents, so it has no QR code or poster."));
        }
        if (options.LinkTo(campaign.Id) is not { } link)
        {
            return new(campaign, null, TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Entry links are not configured",
                detail: $"Set {EntryOptions.SectionName}:LinkBase to the public address campaign entry pages start with."));
        }
        return new(campaign, link, null);
    }

    /// <summary>The campaign's name, so a folder of posters reads like a list of campaigns; characters no file system takes become "_".</summary>
    private static string PosterFileName(string campaignName)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat("\\/:*?\"<>|").ToHashSet();
        var name = new string([.. campaignName.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c)]);
        return $"{name} 포스터.pdf";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Poster fonts {Files} are missing in {Directory}: install fonts-nanum or set Campaigns:Poster:FontDirectory")]
    private static partial void LogFontsMissing(ILogger logger, string files, string directory);

    private sealed record EntryLookup(Campaign? Campaign, string? Link, ProblemHttpResult? Refusal);
}
