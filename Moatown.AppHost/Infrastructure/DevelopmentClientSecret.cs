namespace Moatown.AppHost.Infrastructure;

internal static class DevelopmentClientSecret
{
    /// <summary>
    /// The secret of the development OAuth client "moatown-dev". Taken from the parameter
    /// Parameters:dev-client-secret when set, otherwise generated into the state folder.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddDevelopmentClientSecret(this IDistributedApplicationBuilder builder)
    {
        const string name = "dev-client-secret";
        if (!string.IsNullOrEmpty(builder.Configuration[$"Parameters:{name}"]))
        {
            return builder.AddParameter(name, secret: true);
        }
        var secrets = DevelopmentSecrets.LoadOrCreate(StateDirectory.Of(builder));
        return builder.AddParameter(name, secrets.DevClientSecret, publishValueAsDefault: false, secret: true);
    }
}
