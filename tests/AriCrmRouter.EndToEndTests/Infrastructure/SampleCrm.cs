using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Serialization;

namespace AriCrmRouter.EndToEndTests.Infrastructure;

/// <summary>The sample CRM (samples/AriCrmRouter.SampleCrm) as a child process over HTTPS with the demo CA's certificate.</summary>
public sealed class SampleCrm : IAsyncDisposable
{
    private readonly HttpClient _control;
    private readonly X509Certificate2 _authority;
    private ChildProcess? _process;

    private SampleCrm(int port, string caDirectory, string logFile)
    {
        Port = port;
        CaDirectory = caDirectory;
        LogFile = logFile;
        _authority = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(caDirectory, "ca.crt")));
        var handler = new HttpClientHandler
        {
            // Trust exactly the demo CA for the control calls, as the router does through Crm:ExtraTrustedCaFile.
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                if (certificate is null)
                {
                    return false;
                }

                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(_authority);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(certificate);
            },
        };
        _control = new HttpClient(handler) { BaseAddress = new Uri($"https://localhost:{port}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int Port { get; }

    public string CaDirectory { get; }

    public string CaFile => Path.Combine(CaDirectory, "ca.crt");

    public string LogFile { get; }

    /// <summary>The lookup URL for rule files (the certificate names localhost).</summary>
    public string LookupUrl => $"https://localhost:{Port}/lookup";

    public static async Task<SampleCrm> StartAsync(string caDirectory, string logFile)
    {
        var (exit, output) = await ChildProcess.RunAsync("bash", [RepoPaths.Script("demo-ca.sh"), caDirectory], TimeSpan.FromSeconds(60));
        if (exit != 0)
        {
            throw new InvalidOperationException($"scripts/demo-ca.sh failed (exit {exit}):\n{output}");
        }

        var crm = new SampleCrm(Ports.FreeTcp(), caDirectory, logFile);
        await crm.StartProcessAsync();
        return crm;
    }

    public async Task SetModeAsync(string mode)
    {
        using var response = await _control.PostAsync(new Uri($"control/mode/{mode}", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
    }

    public async Task<IReadOnlyList<CrmLookup>> LookupsAsync() =>
        await _control.GetFromJsonAsync<CrmLookup[]>(new Uri("control/lookups", UriKind.Relative)) ?? [];

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        _control.Dispose();
        _authority.Dispose();
    }

    private async Task StartProcessAsync()
    {
        _process = ChildProcess.Start("dotnet",
        [
            RepoPaths.SampleCrmDll,
            $"--SampleCrm:Port={Port.ToString(CultureInfo.InvariantCulture)}",
            $"--SampleCrm:CertificateFile={Path.Combine(CaDirectory, "localhost.crt")}",
            $"--SampleCrm:KeyFile={Path.Combine(CaDirectory, "localhost.key")}",
            // Longer than any lookup deadline in the test rules, so "slow" always means "too slow".
            "--SampleCrm:SlowDelay=00:00:20",
            // Like a CGI/PHP endpoint: a POST body without Content-Length is refused with 411.
            "--SampleCrm:RequireContentLength=true",
        ], LogFile);
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(30))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the sample CRM exited with code {_process.ExitCode}:\n{_process.Output}");
            }

            try
            {
                using var response = await _control.GetAsync(new Uri("health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException($"the sample CRM did not answer https://localhost:{Port}/health within 30 s:\n{_process.Output}");
    }
}

/// <summary>One lookup as the sample CRM received it (GET /control/lookups).</summary>
public sealed record CrmLookup(
    [property: JsonPropertyName("field_name")] string? FieldName,
    [property: JsonPropertyName("dtmf")] string? Dtmf,
    [property: JsonPropertyName("caller_id")] string? CallerId,
    [property: JsonPropertyName("did")] string? Did,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("mode")] string Mode);
