using Moatown.Identity.Authorization;
using Moatown.ServiceDefaults.Authentication;
using OpenIddict.Abstractions;

namespace Moatown.Identity.Data;

/// <summary>
/// Development only: a confidential client that can get a token for every scope, so the system
/// can be tried end to end. Its secret comes from configuration (the AppHost passes it as
/// Identity__DevClientSecret) and is re-applied whenever it changes.
/// </summary>
internal sealed partial class DevelopmentClientSeed(
    IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DevelopmentClientSeed> logger) : IHostedService
{
    public const string ClientId = "moatown-dev";

    /// <summary>
    /// A provider admin and an organizer: provider admins alone may no longer change campaigns or
    /// read anyone's personal data, and trying the system end to end needs both.
    /// </summary>
    private static readonly string[] DevelopmentRoles = [Roles.ProviderAdmin, Roles.Organizer];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var secret = configuration["Identity:DevClientSecret"];
        if (string.IsNullOrWhiteSpace(secret))
        {
            LogNoSecret(ClientId);
            return Task.CompletedTask;
        }

        return ExclusiveSeeding.RunAsync(scopes, (services, ct) => SeedAsync(services, secret, ct), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(IServiceProvider services, string secret, CancellationToken cancellationToken)
    {
        var manager = services.GetRequiredService<IOpenIddictApplicationManager>();
        var desired = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = secret,
            ClientType = OpenIddictConstants.ClientTypes.Confidential,
            DisplayName = "Moatown development client",
            Permissions =
            {
                OpenIddictConstants.Permissions.Endpoints.Token,
                OpenIddictConstants.Permissions.GrantTypes.ClientCredentials,
            },
            Properties = { [ClientRoles.PropertyName] = ClientRoles.ToProperty(DevelopmentRoles) },
        };
        desired.Permissions.UnionWith(Scopes.All.Select(scope => OpenIddictConstants.Permissions.Prefixes.Scope + scope));

        var existing = await manager.FindByClientIdAsync(ClientId, cancellationToken);
        if (existing is null)
        {
            await manager.CreateAsync(desired, cancellationToken);
            LogSeeded(ClientId);
            return;
        }

        var current = new OpenIddictApplicationDescriptor();
        await manager.PopulateAsync(current, existing, cancellationToken);
        var upToDate = current.Permissions.SetEquals(desired.Permissions)
            && (await ClientRoles.GetAsync(manager, existing, cancellationToken)).SequenceEqual(DevelopmentRoles)
            && await manager.ValidateClientSecretAsync(existing, secret, cancellationToken);
        if (!upToDate)
        {
            // The manager hashes the new secret before it is stored.
            await manager.UpdateAsync(existing, desired, cancellationToken);
            LogUpdated(ClientId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Identity:DevClientSecret is not configured; development client {ClientId} is not seeded")]
    private partial void LogNoSecret(string clientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded development client {ClientId}")]
    private partial void LogSeeded(string clientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Updated development client {ClientId}")]
    private partial void LogUpdated(string clientId);
}
