using System.Text.RegularExpressions;

namespace AriCrmRouter.Crm.Http;

/// <summary>
/// Collects the HTTP steps of the lookups made inside a <see cref="Begin"/> scope (for <c>simulate</c> and
/// <c>crm test</c>), with secret-looking query values masked. Outside a scope nothing is recorded.
/// </summary>
public static partial class CrmTrace
{
    private static readonly AsyncLocal<List<string>?> Current = new();

    /// <summary>Starts recording for the current async flow; dispose to stop.</summary>
    public static Scope Begin()
    {
        var steps = new List<string>();
        Current.Value = steps;
        return new Scope(steps);
    }

    internal static bool IsActive => Current.Value is not null;

    internal static void Record(string step)
    {
        var steps = Current.Value;
        if (steps is null)
        {
            return;
        }

        lock (steps)
        {
            steps.Add(step);
        }
    }

    /// <summary>The URL with the values of secret-looking query parameters replaced by <c>***</c>.</summary>
    public static string Mask(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var text = url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        if (string.IsNullOrEmpty(url.Query))
        {
            return text;
        }

        var pairs = url.Query.TrimStart('?').Split('&').Select(pair =>
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? pair : pair[..eq];
            return eq >= 0 && SecretName().IsMatch(Uri.UnescapeDataString(name)) ? $"{name}=***" : pair;
        });
        return $"{text}?{string.Join('&', pairs)}";
    }

    [GeneratedRegex("token|secret|password|passwd|key|session|code|auth|signature|sig$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    public sealed class Scope(List<string> steps) : IDisposable
    {
        public IReadOnlyList<string> Steps
        {
            get
            {
                lock (steps)
                {
                    return [.. steps];
                }
            }
        }

        public void Dispose() => Current.Value = null;
    }
}

/// <summary>Records each CRM HTTP attempt into the active <see cref="CrmTrace"/> scope.</summary>
public sealed class CrmTraceHandler(TimeProvider timeProvider) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!CrmTrace.IsActive || request.RequestUri is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var started = timeProvider.GetTimestamp();
        var target = $"{request.Method} {CrmTrace.Mask(request.RequestUri)}";
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            CrmTrace.Record($"{target} -> {(int)response.StatusCode} {response.ReasonPhrase} ({timeProvider.GetElapsedTime(started).TotalMilliseconds:0} ms)");
            return response;
        }
        catch (Exception ex)
        {
            CrmTrace.Record($"{target} -> {ex.GetType().Name} after {timeProvider.GetElapsedTime(started).TotalMilliseconds:0} ms");
            throw;
        }
    }
}
