using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace AriCrmRouter.Crm.Tests.Vtiger;

/// <summary>
/// A Vtiger <c>/webservice.php</c> on 127.0.0.1: GET getchallenge, POST login with
/// accessKey = md5(token + user access key), GET query (VTQL). Errors come with HTTP 200 and
/// <c>{"success":false,"error":{"code","message"}}</c>, like the real one.
/// </summary>
internal sealed partial class VtigerFake : FakeVendor
{
    public const string User = "admin";
    public const string AccessKey = "Ab12Cd34Ef56Gh78";

    private string? _challenge;
    private int _challenges;

    public List<Dictionary<string, string?>> Records { get; } = [];

    public IEnumerable<RecordedRequest> Logins => Server.Requests.Where(r => r.Method == "POST");

    public IEnumerable<RecordedRequest> Queries => Server.Requests.Where(r => r.Query.Contains("operation=query", StringComparison.Ordinal));

    /// <summary>The decoded VTQL of the last query call.</summary>
    public string LastQuery() => LastParameter(Queries, "query");

    public static Task<VtigerFake> StartAsync() => ServeAsync(new VtigerFake());

    /// <summary>A connection to the web service under <c>/crm/</c> with the user's access key.</summary>
    public CrmConnection Connection(string name = "main", string accessKey = AccessKey) => ConnectorTestHost.Connection(
        "vtiger", new() { ["url"] = new Uri(Url, "crm/").ToString(), ["username"] = User }, new() { ["accessKey"] = accessKey }, name);

    protected override void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/crm/webservice.php", GetAsync);
        app.MapPost("/crm/webservice.php", LoginAsync);
    }

    private static IResult Error(string code, string message) => Results.Json(new { success = false, error = new { code, message } });

    private async Task GetAsync(HttpContext context)
    {
        var operation = context.Request.Query["operation"].ToString();
        if (operation == "getchallenge")
        {
            var token = $"challenge{Interlocked.Increment(ref _challenges)}";
            Volatile.Write(ref _challenge, token);
            await context.Response.WriteAsJsonAsync(new { success = true, result = new { token, serverTime = 1764000000, expireTime = 1764000300 } });
            return;
        }

        await WriteLookupAsync(
            context,
            Honours(context.Request.Query["sessionName"].ToString()),
            Error("INVALID_SESSIONID", "Session Identifier provided is Invalid"),
            () => QueryAsync(context));
    }

    private async Task QueryAsync(HttpContext context)
    {
        var query = context.Request.Query["query"].ToString();
        var select = Regex.Match(query, "^SELECT (.*?) FROM", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups[1].Value.Split(',');
        var conditions = Condition().Matches(query).Select(m => (Field: m.Groups[1].Value, Value: m.Groups[2].Value.Replace("''", "'", StringComparison.Ordinal))).ToList();
        var match = Records.FirstOrDefault(record => conditions.Any(c => record.TryGetValue(c.Field, out var v) && v == c.Value));
        var result = new JsonArray();
        if (match is not null)
        {
            var row = new JsonObject();
            foreach (var field in select)
            {
                row[field] = match.GetValueOrDefault(field) ?? "";
            }

            result.Add(row);
        }

        await context.Response.WriteAsJsonAsync(new JsonObject { ["success"] = true, ["result"] = result });
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351", Justification = "Vtiger's login takes md5(token + access key).")]
    private async Task LoginAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync();
        var expected = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(Volatile.Read(ref _challenge) + AccessKey)));
        if (form["operation"] != "login" || form["username"] != User || form["accessKey"] != expected)
        {
            await Error("INVALID_USER_CREDENTIALS", "Invalid username or password").ExecuteAsync(context);
            return;
        }

        var session = IssueToken("sess", "abc");
        await context.Response.WriteAsJsonAsync(new { success = true, result = new { sessionName = session, userId = "19x1", version = "0.22", vtigerVersion = "7.5.0" } });
    }

    [GeneratedRegex("(\\w+)='((?:[^']|'')+)'")]
    private static partial Regex Condition();
}
