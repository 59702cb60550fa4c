using Microsoft.Extensions.Configuration;

namespace Moatown.AppHost.Infrastructure;

internal static class StateDirectory
{
    /// <summary>Infrastructure:StateDirectory, else the git-ignored .state folder in the repository.</summary>
    public static string Of(IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(builder.Configuration["Infrastructure:StateDirectory"]
            ?? Path.Combine(builder.AppHostDirectory, "..", ".state"));
}
