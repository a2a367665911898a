using System.Net.Http.Headers;
using System.Text;

namespace AriCrmRouter.Ari.Rest;

/// <summary>The one place that turns the ARI user and password into an <c>Authorization: Basic</c> value.</summary>
public static class AriBasicCredentials
{
    public static string HeaderValue(AriOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return "Basic " + Parameter(options);
    }

    public static AuthenticationHeaderValue Header(AriOptions options) => new("Basic", Parameter(options));

    private static string Parameter(AriOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}"));
    }
}
