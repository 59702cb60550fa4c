using Moatown.ServiceDefaults.Authentication;
using OpenIddict.Abstractions;

namespace Moatown.Identity.Data;

/// <summary>
/// Makes sure every service scope exists with its audience as resource, in every environment:
/// a token for scope X must carry audience moatown-X or service X refuses it.
/// </summary>
internal sealed partial class ScopeRegistration(IServiceScopeFactory scopes, ILogger<ScopeRegistration> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        ExclusiveSeeding.RunAsync(scopes, RegisterAsync, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task RegisterAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var manager = services.GetRequiredService<IOpenIddictScopeManager>();
        foreach (var name in Scopes.All)
        {
            var descriptor = new OpenIddictScopeDescriptor
            {
                Name = name,
                DisplayName = $"Moatown {name} API",
                Resources = { Scopes.AudienceOf(name) },
            };

            var existing = await manager.FindByNameAsync(name, cancellationToken);
            if (existing is null)
            {
                await manager.CreateAsync(descriptor, cancellationToken);
                LogRegistered(name);
            }
            else if (!(await manager.GetResourcesAsync(existing, cancellationToken)).SequenceEqual(descriptor.Resources))
            {
                await manager.UpdateAsync(existing, descriptor, cancellationToken);
                LogRegistered(name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered scope {Scope}")]
    private partial void LogRegistered(string scope);
}
