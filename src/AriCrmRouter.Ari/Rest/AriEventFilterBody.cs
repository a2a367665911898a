using System.Net.Http.Headers;

namespace AriCrmRouter.Ari.Rest;

/// <summary>
/// The JSON body of <c>PUT /applications/{name}/eventFilter</c>. Both lists are sent, so the filter is exactly the
/// allowed list whatever was set before (Asterisk keeps a list that is left out of the body).
/// </summary>
internal static class AriEventFilterBody
{
    public static ByteArrayContent Create(IReadOnlyCollection<string> allowedTypes)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("allowed");
            foreach (var type in allowedTypes)
            {
                writer.WriteStartObject();
                writer.WriteString("type", type);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("disallowed");
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.WrittenSpan.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
