namespace AriCrmRouter.Crm.Tests.Hostile.Vendors;

/// <summary>Changes to a vendor's JSON answer that keep the rest of it intact: one member wrong, gone, or given a bad key.</summary>
internal static class JsonMutation
{
    private const string Slot = "\u0001hostile-slot\u0001";

    /// <summary>
    /// The node at <paramref name="position"/> (pre-order, modulo the node count) replaced by the raw JSON text
    /// <paramref name="json"/>, removed, or given the other container kind; the template unchanged if it is no JSON.
    /// </summary>
    public static string ReplaceOrRemove(string template, int position, string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(template);
        }
        catch (JsonException)
        {
            return template;
        }

        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        if (nodes.Count == 0)
        {
            return json;
        }

        var target = nodes[position % nodes.Count];
        var action = position / nodes.Count % 3;
        var replacement = action switch
        {
            0 => JsonValue.Create(Slot),
            1 => null,
            _ => target is JsonObject ? new JsonArray() : (JsonNode)new JsonObject(),
        };
        if (action == 1)
        {
            Remove(target);
            return root!.ToJsonString();
        }

        target.ReplaceWith(replacement);
        return root!.ToJsonString().Replace(JsonSerializer.Serialize(Slot), json, StringComparison.Ordinal);
    }

    /// <summary>The key at <paramref name="position"/> (modulo the key count) given an unpaired low surrogate escape.</summary>
    public static string SurrogateKey(string template, int position)
    {
        var keyEnds = new List<int>();
        for (var i = template.IndexOf("\":", StringComparison.Ordinal); i >= 0; i = template.IndexOf("\":", i + 2, StringComparison.Ordinal))
        {
            keyEnds.Add(i);
        }

        return keyEnds.Count == 0 ? template : template.Insert(keyEnds[position % keyEnds.Count], "\\udc00");
    }

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        into.Add(child);
                        Collect(child, into);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        into.Add(child);
                        Collect(child, into);
                    }
                }

                break;
        }
    }

    private static void Remove(JsonNode node)
    {
        switch (node.Parent)
        {
            case JsonObject obj:
                obj.Remove(obj.First(pair => ReferenceEquals(pair.Value, node)).Key);
                break;
            case JsonArray array:
                array.Remove(node);
                break;
        }
    }
}
