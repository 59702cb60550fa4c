using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Moatown.Identity.Inspection;
using Moatown.Pdf;
using Moatown.ServiceDefaults.Auditing;
using Moatown.ServiceDefaults.Authentication;

namespace Moatown.Identity.Apis;

public static class InspectionApi
{
    /// <summary>
    /// <c>GET /api/identity/inspection</c> (JSON) and <c>…/inspection/report.pdf</c>: the inspection report,
    /// measured when asked, for auditors and provider admins. Each request is audited.
    /// </summary>
    public static RouteGroupBuilder MapInspectionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/inspection").WithTags("Inspection")
            .RequireAuthorization(Policies.ScopeAndRoles(Scopes.Identity, Roles.Auditor, Roles.ProviderAdmin));
        api.MapGet("/", GetInspection).WithName(nameof(GetInspection));
        api.MapGet("/report.pdf", GetInspectionPdf).WithName(nameof(GetInspectionPdf));
        return api;
    }

    public static async Task<Ok<InspectionReport>> GetInspection(
        ClaimsPrincipal user, InspectionCompiler compiler, IAuditTrail audit, CancellationToken cancellationToken)
    {
        var report = await compiler.CompileAsync(user, cancellationToken);
        await audit.RecordAsync(new AuditEntry("inspection.report", "inspection", AuditOutcomes.Success), cancellationToken);
        return TypedResults.Ok(report);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetInspectionPdf(
        ClaimsPrincipal user, InspectionCompiler compiler, IAuditTrail audit, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var fonts = configuration["Identity:Inspection:FontDirectory"] ?? PdfFonts.DebianFontDirectory;
        if (PdfFonts.Missing(fonts) is { Count: > 0 } missing)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The report's font is not installed",
                detail: $"{string.Join(", ", missing)} not found in {fonts} (Debian package fonts-nanum). The JSON report is available.");
        }
        var report = await compiler.CompileAsync(user, cancellationToken);
        await audit.RecordAsync(new AuditEntry("inspection.report", "inspection/report.pdf", AuditOutcomes.Success), cancellationToken);
        return TypedResults.File(InspectionPdf.Render(report, PdfFonts.Family(fonts)), "application/pdf",
            $"inspection-{report.GeneratedAt:yyyyMMdd-HHmmss}.pdf");
    }
}
