namespace AriCrmRouter.Crm.Http;

/// <summary>Reads CRM answers without trusting their size.</summary>
public static class CrmResponses
{
    /// <summary>
    /// Reads the whole body, failing with <see cref="CrmFailureKind.MalformedResponse"/> as soon as it is known to
    /// exceed <paramref name="maxBytes"/>. <paramref name="source"/> names who answered, for the message.
    /// </summary>
    public static async Task<byte[]> ReadBoundedAsync(HttpContent content, int maxBytes, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Headers.ContentLength is { } length && length > maxBytes)
        {
            throw TooLarge(maxBytes, source);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes, source);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary><see cref="ReadBoundedAsync"/>, decoded with the answer's charset (UTF-8 when absent or unknown).</summary>
    public static async Task<string> ReadBoundedStringAsync(HttpResponseMessage response, int maxBytes, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await ReadBoundedAsync(response.Content, maxBytes, source, cancellationToken);
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

        return encoding.GetString(body);
    }

    private static CrmLookupException TooLarge(int maxBytes, string source) =>
        new(CrmFailureKind.MalformedResponse, $"{source} answered more than {maxBytes} bytes");
}
