using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Moatown.Identity.Data;
using Moatown.ServiceDefaults.Authentication;
using Moatown.ServiceDefaults.Inspection;

namespace Moatown.Identity.Inspection;

/// <summary>
/// Puts the report together: identity inspects itself, asks every other service for its own inspection
/// (as the identity service client), adds the staff accounts and derives the warnings.
/// </summary>
public sealed class InspectionCompiler(
    ServiceInspector<IdentityDbContext> self,
    IHttpClientFactory http,
    TimeProvider time,
    ILogger<InspectionCompiler> logger)
{
    /// <summary>The other services, by the name of the HttpClient that reaches them.</summary>
    public static readonly IReadOnlyList<(string Name, string Scope)> OtherServices =
        [("campaigns", Scopes.Campaigns), ("signing", Scopes.Signing), ("documents", Scopes.Documents), ("notifications", Scopes.Notifications)];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<InspectionReport> CompileAsync(ClaimsPrincipal requester, CancellationToken cancellationToken)
    {
        var services = new List<ServiceInspection> { await self.InspectAsync(cancellationToken) };
        var unreachable = new List<string>();
        var answers = await Task.WhenAll(OtherServices.Select(service => AskAsync(service.Name, cancellationToken)));
        foreach (var (name, inspection) in OtherServices.Select(s => s.Name).Zip(answers))
        {
            if (inspection is null)
            {
                unreachable.Add(name);
            }
            else
            {
                services.Add(inspection);
            }
        }

        var now = time.GetUtcNow();
        var warnings = InspectionWarnings.For(services, unreachable, accounts: null, now);
        return new InspectionReport(now, requester.SubjectId(), warnings, null, services, unreachable);
    }

    private async Task<ServiceInspection?> AskAsync(string service, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.CreateClient(service).GetAsync("/internal/inspection", cancellationToken);
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<ServiceInspection>(Json, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The report still renders; the missing service is itself a warning in it.
            logger.LogWarning(e, "The {Service} service did not answer the inspection", service);
            return null;
        }
    }
}
