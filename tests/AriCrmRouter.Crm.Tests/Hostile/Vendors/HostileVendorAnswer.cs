using System.Globalization;
using AriCrmRouter.Tests.Hostile;
using CsCheck;

namespace AriCrmRouter.Crm.Tests.Hostile.Vendors;

/// <summary>How a hostile answer is made from the vendor's real answer (the template recorded from its fake).</summary>
internal enum AnswerShape
{
    /// <summary>The vendor's own answer, unchanged (with the case's status and content type).</summary>
    Valid,

    /// <summary>The vendor's answer with the field's value replaced by a hostile JSON value (any kind).</summary>
    HostileValue,

    /// <summary>One member or element of the answer replaced by a hostile JSON value, or removed.</summary>
    WrongMember,

    /// <summary>The answer cut short.</summary>
    Cut,

    /// <summary>The value given as an unpaired surrogate escape (<c>"\ud800"</c>), and a key given one.</summary>
    LoneSurrogate,

    /// <summary>The field's value 200,000 to 300,000 characters long (around the response size bound).</summary>
    Huge,

    /// <summary>Any JSON value instead of the answer.</summary>
    OtherJson,

    /// <summary>Plain text of any characters.</summary>
    Text,

    /// <summary>No body at all.</summary>
    Empty,
}

/// <summary>
/// One generated answer to a vendor's search request: a shape applied to the recorded template, a status, a
/// content type and a <c>Retry-After</c>. Turned into a response at request time, so one case serves every
/// search request of one lookup (connectors that try several phone forms ask more than once).
/// </summary>
internal sealed record HostileVendorAnswer(AnswerShape Shape, int Status, string? ContentType, string? RetryAfter, string Json, int Position, bool Bom)
{
    /// <summary>The field value every vendor fake is seeded with; its JSON token is what shapes replace.</summary>
    public const string Marker = "GOLD";

    private static readonly int[] Statuses =
        [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201, 204, 206, 299, 301, 302, 304, 400, 401, 403, 404, 405, 409, 411, 413, 422, 429, 429, 500, 502, 503, 504, 999];

    private static readonly string?[] ContentTypes =
        [null, "application/json", "application/json", "application/json", "application/json; charset=utf-8", "application/json; charset=utf-16",
         "application/vnd.api+json", "text/plain", "text/html", "application/xml", "application/octet-stream", "APPLICATION/JSON", "", "json", "a/b/c; x"];

    private static readonly string?[] RetryAfters =
        [null, null, "0", "1", "-1", "1.5", "1e300", "99999999999999999999", "abc", "", "Sun, 29 Nov 2026 12:00:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "Thu, 01 Jan 1970 00:00:00 GMT", "\u00e9"];

    private static readonly Gen<string> Leaf = Gen.Frequency(
        (1, Gen.Const("null")),
        (6, HostileText.Any.Select(text => JsonSerializer.Serialize(text))),
        (1, Gen.Int[0, 400].Select(n => JsonSerializer.Serialize(new string('x', n)))),
        (1, Gen.Const("\"" + new string('x', 256) + "\"")),
        (1, Gen.Const("\"" + new string('x', 257) + "\"")),
        (2, Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
        (1, Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture))),
        (1, Gen.Int[0, 3].Select(i => new[] { "1e400", "-0", "1E-400", "123456789012345678901234567890" }[i])),
        (1, Gen.Bool.Select(b => b ? "true" : "false")));

    /// <summary>JSON text of any kind: hostile strings, numbers, booleans, nulls, arrays and objects up to three deep.</summary>
    public static readonly Gen<string> JsonValue = Nested(Leaf, depth: 3, width: 3, (Leaf: 5, Array: 1, Object: 1));

    private static readonly Gen<AnswerShape> Shapes = Gen.Frequency(
        (3, Gen.Const(AnswerShape.Valid)),
        (8, Gen.Const(AnswerShape.HostileValue)),
        (6, Gen.Const(AnswerShape.WrongMember)),
        (2, Gen.Const(AnswerShape.Cut)),
        (1, Gen.Const(AnswerShape.LoneSurrogate)),
        (1, Gen.Const(AnswerShape.Huge)),
        (2, Gen.Const(AnswerShape.OtherJson)),
        (1, Gen.Const(AnswerShape.Text)),
        (1, Gen.Const(AnswerShape.Empty)));

    public static readonly Gen<HostileVendorAnswer> Any = Gen.Select(
        Shapes,
        Gen.Int[0, Statuses.Length - 1].Select(i => Statuses[i]),
        Gen.Int[0, ContentTypes.Length - 1].Select(i => ContentTypes[i]),
        Gen.Int[0, RetryAfters.Length - 1].Select(i => RetryAfters[i]),
        Gen.Frequency((5, JsonValue), (1, HostileText.Any)),
        Gen.Int[0, int.MaxValue],
        Gen.Int[0, 19].Select(i => i == 0),
        (shape, status, contentType, retryAfter, json, position, bom) => new HostileVendorAnswer(shape, status, contentType, retryAfter, json, position, bom));

    /// <summary>The case's response to a request whose real answer was <paramref name="template"/>.</summary>
    public HttpResponseMessage ToResponse(RecordedAnswer template, HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(template);
        var body = Body(template.Body);
        var bytes = Encoding.UTF8.GetBytes(body);
        var content = new ByteArrayContent(Bom ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes);
        var type = Shape == AnswerShape.Valid && Position % 2 == 0 ? template.ContentType : ContentType;
        if (type is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", type);
        }

        var response = new HttpResponseMessage((HttpStatusCode)Status) { Content = content, RequestMessage = request };
        if (RetryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", RetryAfter);
        }

        if (Status is >= 300 and < 400 && Position % 3 != 0)
        {
            // A redirect to the same resource: followed within the origin until the redirect limit.
            response.Headers.Location = request.RequestUri;
        }

        return response;
    }

    /// <summary>The body this case makes of the recorded one.</summary>
    public string Body(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var marker = JsonSerializer.Serialize(Marker);
        return Shape switch
        {
            AnswerShape.Valid => template,
            AnswerShape.HostileValue => template.Replace(marker, Json, StringComparison.Ordinal),
            AnswerShape.WrongMember => JsonMutation.ReplaceOrRemove(template, Position, Json),
            AnswerShape.Cut => template[..(template.Length == 0 ? 0 : Position % template.Length)],
            AnswerShape.LoneSurrogate => JsonMutation.SurrogateKey(template.Replace(marker, "\"\\ud800\"", StringComparison.Ordinal), Position),
            AnswerShape.Huge => template.Replace(marker, "\"" + new string('7', 200_000 + (Position % 100_000)) + "\"", StringComparison.Ordinal),
            AnswerShape.OtherJson => Json,
            AnswerShape.Text => Json.Length > 2 ? Json[1..^1] : Json,
            _ => "",
        };
    }

    public override string ToString()
    {
        var json = Json.Length <= 300 ? Json : $"{Json[..300]}... ({Json.Length} characters)";
        return $"{Shape} status={Status} type={ContentType ?? "(none)"} retry-after={RetryAfter ?? "(none)"} position={Position} bom={Bom} json={json}";
    }

    /// <summary>
    /// JSON text of <paramref name="leaf"/> values, arrays and objects with hostile keys, nested up to
    /// <paramref name="depth"/> levels and <paramref name="width"/> items wide, in the proportions of <paramref name="weights"/>.
    /// </summary>
    public static Gen<string> Nested(Gen<string> leaf, int depth, int width, (int Leaf, int Array, int Object) weights) =>
        Gen.Recursive<string>((level, inner) => level >= depth
            ? leaf
            : Gen.Frequency(
                (weights.Leaf, leaf),
                (weights.Array, inner.Array[0, width].Select(items => $"[{string.Join(",", items)}]")),
                (weights.Object, Gen.Select(HostileText.Any.Array[0, width], inner.Array[width], (keys, values) =>
                    "{" + string.Join(",", keys.Select((key, i) => $"{JsonSerializer.Serialize(key)}:{values[i]}")) + "}"))));
}
