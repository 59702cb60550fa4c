namespace Moatown.Testing;

/// <summary>Finds the checkout, so tests run the same infra scripts the AppHost runs.</summary>
public static class RepositoryLayout
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string InfraScript(string name) => Path.Combine(Root, "Moatown.AppHost", "infra", name);

    private static string FindRoot()
    {
        // Lets tools built outside the checkout (e.g. a scratch console app) use it too.
        var configured = Environment.GetEnvironmentVariable("MOATOWN_REPO_ROOT");
        if (!string.IsNullOrEmpty(configured))
        {
            return Path.GetFullPath(configured);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var gitPath = Path.Combine(dir.FullName, ".git");
            if (File.Exists(Path.Combine(dir.FullName, "Moatown.slnx")) || Directory.Exists(gitPath) || File.Exists(gitPath))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No Moatown.slnx or .git above {AppContext.BaseDirectory}; set MOATOWN_REPO_ROOT to the checkout.");
    }
}
