using System.Text;
using AriCrmRouter.Crm.Connectors;

namespace AriCrmRouter.Crm.Http;

/// <summary>Reads CRM answers without trusting their size.</summary>
public static class CrmResponses
{
    /// <summary>Reads the body as text, failing with <see cref="CrmFailureKind.MalformedResponse"/> past <paramref name="maxBytes"/>.</summary>
    public static async Task<string> ReadBoundedStringAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"answer of {response.Content.Headers.ContentLength} bytes exceeds the {maxBytes}-byte limit");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[Math.Min(maxBytes + 1, 81920)];
        using var collected = new MemoryStream();
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            collected.Write(buffer, 0, read);
            if (collected.Length > maxBytes)
            {
                throw new CrmLookupException(CrmFailureKind.MalformedResponse, $"answer exceeds the {maxBytes}-byte limit");
            }
        }

        var charset = response.Content.Headers.ContentType?.CharSet;
        var encoding = Encoding.UTF8;
        if (!string.IsNullOrEmpty(charset))
        {
            try
            {
                encoding = Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                encoding = Encoding.UTF8;
            }
        }

        return encoding.GetString(collected.GetBuffer(), 0, (int)collected.Length);
    }
}
