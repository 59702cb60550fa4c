namespace Moatown.ServiceDefaults.Authentication;

/// <summary>The system's own services as OAuth clients (client credentials), by client id.</summary>
public static class ServiceClients
{
    public const string Notifications = Policies.ServiceClientPrefix + "notifications";
    public const string Identity = Policies.ServiceClientPrefix + "identity";
    public const string Signing = Policies.ServiceClientPrefix + "signing";
    public const string Documents = Policies.ServiceClientPrefix + "documents";
}
