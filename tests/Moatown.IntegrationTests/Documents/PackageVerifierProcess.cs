using Moatown.IntegrationTests.Infrastructure;

namespace Moatown.IntegrationTests.Documents;

/// <summary>The package verifier run as a district office runs it: <c>dotnet Moatown.PackageVerifier.dll package.zip …</c>.</summary>
public static class PackageVerifierProcess
{
    public static async Task<RepositoryTools.Result> RunAsync(byte[] package, params string[] arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), $"package-{Guid.NewGuid():N}.zip");
        await File.WriteAllBytesAsync(path, package);
        try
        {
            return await RepositoryTools.RunAsync("Moatown.PackageVerifier", [path, .. arguments]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
