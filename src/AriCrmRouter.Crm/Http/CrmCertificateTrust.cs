using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace AriCrmRouter.Crm.Http;

/// <summary>
/// Server certificate validation for CRM calls: the system trust store, plus optional extra CAs from a PEM file
/// (a private CA, the demo's CRM). Host name mismatches are never accepted.
/// </summary>
public static class CrmCertificateTrust
{
    public static RemoteCertificateValidationCallback? Create(string? extraCaFile)
    {
        if (string.IsNullOrWhiteSpace(extraCaFile))
        {
            return null;
        }

        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(extraCaFile);
        return (_, certificate, chain, errors) =>
        {
            if (errors == SslPolicyErrors.None)
            {
                return true;
            }

            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
            {
                return false;
            }

            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            custom.ChainPolicy.CustomTrustStore.AddRange(authorities);
            if (chain is not null)
            {
                foreach (var element in chain.ChainElements)
                {
                    custom.ChainPolicy.ExtraStore.Add(element.Certificate);
                }
            }

            using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            return custom.Build(leaf);
        };
    }
}
