using Moatown.ServiceDefaults.Authentication;
using OpenIddict.Abstractions;

namespace Moatown.Identity.Data;

/// <summary>
/// The system's own services as OAuth clients (client credentials), so that one service can call
/// another at the moment it needs something it must not receive in an event (a phone number, a
/// link). Configured as <c>Identity:ServiceClients:{clientId}:Secret</c> and <c>:Scopes</c> (the
/// services it may call); the AppHost generates the secrets. A service client has no staff role:
/// an endpoint lets it in only by name (<see cref="Policies.ServiceCaller"/>).
/// </summary>
internal sealed partial class ServiceClientSeed(
    IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ServiceClientSeed> logger) : IHostedService
{
    public const string SectionName = "Identity:ServiceClients";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var clients = configuration.GetSection(SectionName).GetChildren()
            .Select(c => (ClientId: c.Key, Secret: c["Secret"], Scopes: c.GetSection("Scopes").Get<string[]>() ?? []))
            .ToList();
        foreach (var client in clients.Where(c => !c.ClientId.StartsWith(Policies.ServiceClientPrefix, StringComparison.Ordinal) || string.IsNullOrWhiteSpace(c.Secret)))
        {
            throw new InvalidOperationException($"Service client '{client.ClientId}' needs a name starting with '{Policies.ServiceClientPrefix}' and a secret.");
        }
        return clients.Count == 0
            ? Task.CompletedTask
            : ExclusiveSeeding.RunAsync(scopes, (services, ct) => SeedAsync(services, clients, ct), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task SeedAsync(IServiceProvider services, List<(string ClientId, string? Secret, string[] Scopes)> clients, CancellationToken cancellationToken)
    {
        var manager = services.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var (clientId, secret, allowed) in clients)
        {
            var desired = new OpenIddictApplicationDescriptor
            {
                ClientId = clientId,
                ClientSecret = secret,
                ClientType = OpenIddictConstants.ClientTypes.Confidential,
                DisplayName = $"Moatown service {clientId}",
                Permissions = { OpenIddictConstants.Permissions.Endpoints.Token, OpenIddictConstants.Permissions.GrantTypes.ClientCredentials },
            };
            desired.Permissions.UnionWith(allowed.Where(Scopes.All.Contains).Select(scope => OpenIddictConstants.Permissions.Prefixes.Scope + scope));

            var existing = await manager.FindByClientIdAsync(clientId, cancellationToken);
            if (existing is null)
            {
                await manager.CreateAsync(desired, cancellationToken);
                LogSeeded(clientId);
                continue;
            }
            var current = new OpenIddictApplicationDescriptor();
            await manager.PopulateAsync(current, existing, cancellationToken);
            if (!current.Permissions.SetEquals(desired.Permissions) || !await manager.ValidateClientSecretAsync(existing, secret!, cancellationToken))
            {
                await manager.UpdateAsync(existing, desired, cancellationToken);
                LogUpdated(clientId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded service client {ClientId}")]
    private partial void LogSeeded(string clientId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Updated service client {ClientId}")]
    private partial void LogUpdated(string clientId);
}
