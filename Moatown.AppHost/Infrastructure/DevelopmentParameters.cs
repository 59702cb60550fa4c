namespace Moatown.AppHost.Infrastructure;

internal static class DevelopmentParameters
{
    /// <summary>
    /// The secret of the development OAuth client "moatown-dev". Taken from the parameter
    /// Parameters:dev-client-secret when set, otherwise generated into the state folder.
    /// </summary>
    public static IResourceBuilder<ParameterResource> AddDevelopmentClientSecret(this IDistributedApplicationBuilder builder) =>
        builder.AddSecretParameter("dev-client-secret", secrets => secrets.DevClientSecret);

    /// <summary>
    /// The keys that encrypt and index personal data in service databases (Parameters:personal-data-key,
    /// Parameters:blind-index-key). Production supplies them from its secret store; they never live
    /// in the database they protect.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPersonalDataKeys(this IResourceBuilder<ProjectResource> service,
        IResourceBuilder<ParameterResource> key, IResourceBuilder<ParameterResource> blindIndexKey, IResourceBuilder<ParameterResource> keyIssuedOn) =>
        service
            .WithEnvironment("PersonalData__KeyIssuedOn__k1", keyIssuedOn)
            .WithEnvironment("PersonalData__ActiveKeyId", "k1")
            .WithEnvironment("PersonalData__Keys__k1", key)
            .WithEnvironment("PersonalData__BlindIndexKey", blindIndexKey);

    public static IResourceBuilder<ParameterResource> AddSecretParameter(this IDistributedApplicationBuilder builder,
        string name, Func<DevelopmentSecrets, string> generated)
    {
        if (!string.IsNullOrEmpty(builder.Configuration[$"Parameters:{name}"]))
        {
            return builder.AddParameter(name, secret: true);
        }
        var secrets = DevelopmentSecrets.LoadOrCreate(StateDirectory.Of(builder));
        return builder.AddParameter(name, generated(secrets), publishValueAsDefault: false, secret: true);
    }
}
