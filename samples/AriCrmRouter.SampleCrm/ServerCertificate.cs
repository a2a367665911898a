using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AriCrmRouter.SampleCrm;

/// <summary>Loads the PEM certificate made by scripts/demo-ca.sh, or makes a throwaway self-signed one.</summary>
internal static class ServerCertificate
{
    public static X509Certificate2 Load(SampleCrmOptions options, TimeProvider timeProvider)
    {
        if (!string.IsNullOrEmpty(options.CertificateFile))
        {
            var keyFile = string.IsNullOrEmpty(options.KeyFile) ? null : options.KeyFile;
            using var pem = X509Certificate2.CreateFromPemFile(options.CertificateFile, keyFile);
            // Kestrel on Linux wants a certificate whose key is not an ephemeral PEM import.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = timeProvider.GetUtcNow();
        using var selfSigned = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(30));
        return X509CertificateLoader.LoadPkcs12(selfSigned.Export(X509ContentType.Pkcs12), password: null);
    }
}
