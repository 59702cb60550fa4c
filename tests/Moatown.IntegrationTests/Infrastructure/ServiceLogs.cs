using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Moatown.Testing;

namespace Moatown.IntegrationTests.Infrastructure;

public static class ServiceLogs
{
    public const string Tier = "integration";

    /// <summary>
    /// Sends the host's logs also to TestResults/logs/integration-&lt;service&gt;.log. The file gets more
    /// than the console: Information for every category (the services' settings quiet ASP.NET Core
    /// and EF Core to Warning) and Debug for Moatown's own, so the scan reads as much as the code says.
    /// </summary>
    public static IWebHostBuilder CaptureLogsToFile(this IWebHostBuilder builder, string service) =>
        builder.ConfigureLogging(logging => logging
            .AddProvider(new FileLoggerProvider(LogFile.For(Tier, service)))
            .AddFilter<FileLoggerProvider>(null, LogLevel.Information)
            .AddFilter<FileLoggerProvider>("Moatown", LogLevel.Debug));

    /// <summary>"campaigns" for Moatown.Campaigns: the name the AppHost gives the same service.</summary>
    public static string ServiceNameOf(Type entryPoint)
    {
        var assembly = entryPoint.Assembly.GetName().Name!;
        return (assembly.StartsWith("Moatown.", StringComparison.Ordinal) ? assembly["Moatown.".Length..] : assembly).ToLowerInvariant();
    }
}
