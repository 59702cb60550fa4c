using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Moatown.Documents.Sealing;

/// <summary>Reads and writes PKCS#12 key files and PEM certificates.</summary>
internal static class CredentialFiles
{
    /// <summary>The password of generated development files: they live in a git-ignored folder beside the service, so it protects nothing and is no secret.</summary>
    public const string DevelopmentPassword = "development";

    private static readonly Lock GenerateLock = new();

    public static SigningCredentials LoadPkcs12(string path, string? password)
    {
        using var stream = File.OpenRead(path);
        var store = new Pkcs12StoreBuilder().Build();
        store.Load(stream, (password ?? "").ToCharArray());
        var alias = store.Aliases.FirstOrDefault(store.IsKeyEntry)
            ?? throw new InvalidOperationException($"{path} holds no private key.");
        var chain = store.GetCertificateChain(alias).Select(entry => entry.Certificate).ToList();
        return new SigningCredentials(store.GetKey(alias).Key, chain);
    }

    /// <summary>Loads <c>{name}.pfx</c> from the directory, issuing and saving a new chain first if there is none (with the root and leaf as PEM beside it, for openssl and pdfsig).</summary>
    public static SigningCredentials LoadOrCreate(string directory, string name, string rootName, string leafName, bool timeStamping)
    {
        var pfx = Path.Combine(directory, $"{name}.pfx");
        lock (GenerateLock)
        {
            if (!File.Exists(pfx))
            {
                Directory.CreateDirectory(directory);
                var credentials = DevelopmentPki.Issue(rootName, leafName, timeStamping);
                WritePem(Path.Combine(directory, $"{name}-root.pem"), [credentials.Root]);
                WritePem(Path.Combine(directory, $"{name}-leaf.pem"), [credentials.Certificate]);
                // Written aside and moved, so another host starting at the same moment never reads half a file.
                var temporary = $"{pfx}.{Guid.NewGuid():N}.tmp";
                SavePkcs12(temporary, name, credentials);
                try
                {
                    File.Move(temporary, pfx, overwrite: false);
                }
                catch (IOException) when (File.Exists(pfx))
                {
                    File.Delete(temporary); // another process was first: use its chain
                }
            }
        }
        return LoadPkcs12(pfx, DevelopmentPassword);
    }

    public static IReadOnlyList<X509Certificate> ReadPem(string path)
    {
        using var reader = new PemReader(File.OpenText(path));
        var certificates = new List<X509Certificate>();
        while (reader.ReadObject() is { } item)
        {
            if (item is X509Certificate certificate)
            {
                certificates.Add(certificate);
            }
        }
        return certificates;
    }

    public static void WritePem(string path, IEnumerable<X509Certificate> certificates)
    {
        using var writer = new StreamWriter(path);
        var pem = new PemWriter(writer);
        foreach (var certificate in certificates)
        {
            pem.WriteObject(certificate);
        }
    }

    private static void SavePkcs12(string path, string alias, SigningCredentials credentials)
    {
        var store = new Pkcs12StoreBuilder().Build();
        store.SetKeyEntry(alias, new AsymmetricKeyEntry(credentials.PrivateKey),
            credentials.Chain.Select(certificate => new X509CertificateEntry(certificate)).ToArray());
        using var stream = File.Create(path);
        if (!OperatingSystem.IsWindows())
        {
            // Only the service's own user reads a private key, even a development one.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        store.Save(stream, DevelopmentPassword.ToCharArray(), new SecureRandom());
    }
}
