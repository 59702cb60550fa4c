namespace Moatown.Identity.Residents.Providers;

/// <summary>
/// The providers configured for this deployment, possibly none: then residents without a phone number on
/// the roll are told certificate verification is not available and sign on paper.
/// </summary>
public sealed class IdentityProviders(IEnumerable<IIdentityProvider> providers)
{
    private readonly Dictionary<string, IIdentityProvider> _byName =
        providers.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<IIdentityProvider> All => _byName.Values;

    public bool Any => _byName.Count > 0;

    public IIdentityProvider? Find(string name) => _byName.GetValueOrDefault(name);
}
