namespace AriCrmRouter.EndToEndTests.Infrastructure;

/// <summary>
/// One CRMROUTER_LANDED line of the dialplan (docs/stack.md): where Asterisk says a call went.
/// <c>[ts] NOTICE[tid][C-xxxxxxxx] Ext. s: CRMROUTER_LANDED kind=.. target=.. caller=.. did=.. rule=.. reason=.. fallback=.. uniqueid=.. time=..</c>
/// </summary>
public sealed record Landing(DateTime LoggedAt, string CallId, IReadOnlyDictionary<string, string> Fields)
{
    public const string Marker = "CRMROUTER_LANDED ";

    public string Kind => Field("kind");

    public string Target => Field("target");

    public string Caller => Field("caller");

    public string Did => Field("did");

    public string Rule => Field("rule");

    public string Reason => Field("reason");

    public string Fallback => Field("fallback");

    public string UniqueId => Field("uniqueid");

    /// <summary>kind:target, as a destination reads in the rules (queue:610).</summary>
    public string Destination => $"{Kind}:{Target}";

    public string Field(string name) => Fields.TryGetValue(name, out var value) ? value : "";

    public static Landing? TryParse(string line)
    {
        var at = line.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0 || !AsteriskLog.TryReadPrefix(line, out var loggedAt, out var callId))
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in line[(at + Marker.Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                fields[pair[..eq]] = pair[(eq + 1)..];
            }
        }

        return new Landing(loggedAt, callId, fields);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Kind}:{Target} rule={Rule} reason={Reason} fallback={Fallback} caller={Caller} did={Did} uniqueid={UniqueId}");
}
