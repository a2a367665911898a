using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace AriCrmRouter.Crm.Tests.Vtiger;

/// <summary>
/// A Vtiger <c>/webservice.php</c> on 127.0.0.1: GET getchallenge, POST login with
/// accessKey = md5(token + user access key), GET query (VTQL). Errors come with HTTP 200 and
/// <c>{"success":false,"error":{"code","message"}}</c>, like the real one.
/// </summary>
internal sealed partial class VtigerFake : IAsyncDisposable
{
    public const string User = "admin";
    public const string AccessKey = "Ab12Cd34Ef56Gh78";

    private readonly Lock _gate = new();
    private readonly HashSet<string> _sessions = [];
    private string? _challenge;
    private int _issued;

    private VtigerFake(FakeHttpServer server) => Server = server;

    public FakeHttpServer Server { get; }

    public List<Dictionary<string, string?>> Records { get; } = [];

    public Func<HttpContext, Task>? QueryOverride { get; set; }

    public bool RejectAllSessions { get; set; }

    public Uri Url => Server.BaseUri;

    public IEnumerable<RecordedRequest> Logins => Server.Requests.Where(r => r.Method == "POST");

    public IEnumerable<RecordedRequest> Queries => Server.Requests.Where(r => r.Query.Contains("operation=query", StringComparison.Ordinal));

    /// <summary>The decoded VTQL of the last query call.</summary>
    public string LastQuery() => Uri.UnescapeDataString(Regex.Match(Queries.Last().Query, "[?&]query=([^&]*)").Groups[1].Value);

    public static async Task<VtigerFake> StartAsync()
    {
        VtigerFake? fake = null;
        var server = await FakeHttpServer.StartAsync(app =>
        {
            app.MapGet("/crm/webservice.php", (HttpContext context) => fake!.GetAsync(context));
            app.MapPost("/crm/webservice.php", (HttpContext context) => fake!.LoginAsync(context));
        });
        fake = new VtigerFake(server);
        return fake;
    }

    public void Revoke()
    {
        lock (_gate)
        {
            _sessions.Clear();
        }
    }

    private static Task Error(HttpContext context, string code, string message) =>
        context.Response.WriteAsJsonAsync(new { success = false, error = new { code, message } });

    private async Task GetAsync(HttpContext context)
    {
        var operation = context.Request.Query["operation"].ToString();
        if (operation == "getchallenge")
        {
            string token;
            lock (_gate)
            {
                token = $"challenge{++_issued}";
                _challenge = token;
            }

            await context.Response.WriteAsJsonAsync(new { success = true, result = new { token, serverTime = 1764000000, expireTime = 1764000300 } });
            return;
        }

        bool known;
        lock (_gate)
        {
            known = !RejectAllSessions && _sessions.Contains(context.Request.Query["sessionName"].ToString());
        }

        if (!known)
        {
            await Error(context, "INVALID_SESSIONID", "Session Identifier provided is Invalid");
            return;
        }

        if (QueryOverride is { } answer)
        {
            await answer(context);
            return;
        }

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
        string? challenge;
        lock (_gate)
        {
            challenge = _challenge;
        }

        var expected = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(challenge + AccessKey)));
        if (form["operation"] != "login" || form["username"] != User || form["accessKey"] != expected)
        {
            await Error(context, "INVALID_USER_CREDENTIALS", "Invalid username or password");
            return;
        }

        string session;
        lock (_gate)
        {
            session = $"sess{_issued}abc";
            _sessions.Add(session);
        }

        await context.Response.WriteAsJsonAsync(new { success = true, result = new { sessionName = session, userId = "19x1", version = "0.22", vtigerVersion = "7.5.0" } });
    }

    [GeneratedRegex("(\\w+)='((?:[^']|'')+)'")]
    private static partial Regex Condition();

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
