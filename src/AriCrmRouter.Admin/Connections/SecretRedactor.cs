using System.Text;
using AriCrmRouter.Crm.Connectors;

namespace AriCrmRouter.Admin.Connections;

/// <summary>
/// Replaces a connection's secret values with <c>***</c> in text about to be printed. Traced URLs already
/// mask secret-looking query parameters; this also catches a secret in a path or in a CRM's message.
/// </summary>
public sealed class SecretRedactor
{
    private const string Mask = "***";

    private readonly List<string> _values;

    public SecretRedactor(CrmConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _values = connection.Secrets.Values
            .Where(value => value.Length >= 3)
            .SelectMany(value => new[] { value, Uri.EscapeDataString(value), Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(value => value.Length) // a secret that contains another is masked whole
            .ToList();
    }

    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var value in _values)
        {
            text = text.Replace(value, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
