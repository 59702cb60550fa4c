using Moatown.Identity.Staff;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Moatown.Identity.Data;

/// <summary>
/// The staff web client "moatown-web": public (a browser app holds no secret), authorization code
/// with PKCE only, refresh tokens, every staff scope. Never the residents' consent scope: a person
/// signed in here is staff, never a signer.
/// </summary>
internal sealed partial class StaffClientSeed(
    IServiceScopeFactory scopes, StaffClientSettings settings, ILogger<StaffClientSeed> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        ExclusiveSeeding.RunAsync(scopes, SeedAsync, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var manager = services.GetRequiredService<IOpenIddictApplicationManager>();
        var desired = new OpenIddictApplicationDescriptor
        {
            ClientId = StaffClientSettings.ClientId,
            ClientType = ClientTypes.Public,
            ApplicationType = ApplicationTypes.Web,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Moatown staff web",
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        desired.Permissions.UnionWith(Moatown.ServiceDefaults.Authentication.Scopes.All.Select(scope => Permissions.Prefixes.Scope + scope));
        desired.RedirectUris.UnionWith(settings.RedirectUris);
        desired.PostLogoutRedirectUris.UnionWith(settings.PostLogoutRedirectUris);
        if (desired.Permissions.Contains(Permissions.Prefixes.Scope + Moatown.ServiceDefaults.Authentication.SignerClaims.Scope))
        {
            throw new InvalidOperationException("A staff client must never be granted the consent scope.");
        }

        var existing = await manager.FindByClientIdAsync(StaffClientSettings.ClientId, cancellationToken);
        if (existing is null)
        {
            await manager.CreateAsync(desired, cancellationToken);
            LogSeeded(StaffClientSettings.ClientId);
            return;
        }
        var current = new OpenIddictApplicationDescriptor();
        await manager.PopulateAsync(current, existing, cancellationToken);
        if (!current.Permissions.SetEquals(desired.Permissions) || !current.RedirectUris.SetEquals(desired.RedirectUris)
            || !current.PostLogoutRedirectUris.SetEquals(desired.PostLogoutRedirectUris) || !current.Requirements.SetEquals(desired.Requirements)
            || current.ClientType != desired.ClientType)
        {
            await manager.UpdateAsync(existing, desired, cancellationToken);
            LogSeeded(StaffClientSettings.ClientId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded staff client {ClientId}")]
    private partial void LogSeeded(string clientId);
}
