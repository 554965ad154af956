using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Meldroute.Tests.TestSupport;

/// <summary>
/// The certificate that encrypts the key ring at rest on PostgreSQL (Meldroute:KeyCertificatePath), made once per
/// test run: a self-signed RSA certificate with its private key in a password-protected .pfx file.
/// </summary>
public static class TestKeyCertificate
{
    public const string Password = "test-key-certificate-2026";

    private static readonly Lazy<string> File = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Path => File.Value;

    /// <summary>The settings a PostgreSQL app needs, as configuration keys and values.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Meldroute:KeyCertificatePath", Path),
        new("Meldroute:KeyCertificatePassword", Password),
    ];

    /// <summary>Another certificate, as the one that replaces the installation's (same password).</summary>
    public static string CreateAnother() => Create();

    private static string Create()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Meldroute key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "meldroute-key-certificate-" + Guid.NewGuid().ToString("N")[..12] + ".pfx");
        System.IO.File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => System.IO.File.Delete(path);
        return path;
    }
}
