using Moatown.PackageVerifier;

// dotnet Moatown.PackageVerifier.dll <package.zip> [--roots seal-roots.pem]
// Exit code 0 when every check passes, 1 when any fails, 2 for a wrong command line.
if (args.Length is not (1 or 3) || (args.Length == 3 && args[1] != "--roots"))
{
    Console.Error.WriteLine("usage: Moatown.PackageVerifier <package.zip> [--roots seal-roots.pem]");
    return 2;
}

var report = PackageVerification.Run(args[0], args.Length == 3 ? args[2] : null);
foreach (var line in report.Lines)
{
    Console.WriteLine(line);
}
Console.WriteLine(report.Failures.Count == 0 ? "OK" : $"FAILED: {string.Join("; ", report.Failures)}");
return report.Failures.Count == 0 ? 0 : 1;
