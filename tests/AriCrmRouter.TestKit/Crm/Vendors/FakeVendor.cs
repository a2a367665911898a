using System.Text.RegularExpressions;
using AriCrmRouter.TestKit.Http;
using Microsoft.AspNetCore.Routing;

namespace AriCrmRouter.TestKit.Crm.Vendors;

/// <summary>
/// What every fake CRM vendor shares: a local Kestrel server that records each request, the access tokens (or
/// sessions) it issued and still honours, a switch that refuses them all, and a test's canned answer in place of
/// the record lookup. A vendor's fake states only its routes, its credentials' checks and its answer shapes.
/// </summary>
public abstract partial class FakeVendor : IAsyncDisposable
{
    private readonly string[] _permanentTokens;
    private int _issued;

    /// <param name="permanentTokens">Tokens the vendor never expires (private-app and API tokens).</param>
    protected FakeVendor(params string[] permanentTokens)
    {
        _permanentTokens = permanentTokens;
        foreach (var token in permanentTokens)
        {
            AccessTokens.Add(token);
        }
    }

    public FakeHttpServer Server { get; private set; } = null!;

    /// <summary>Where a connection points the connector: the server root unless the vendor says otherwise.</summary>
    public virtual Uri Url => Server.BaseUri;

    /// <summary>How many tokens (sessions, codes) were issued so far.</summary>
    public int TokensIssued => Volatile.Read(ref _issued);

    /// <summary>Every token or session is refused, as the vendor refuses an unknown one.</summary>
    public bool RejectEveryToken { get; set; }

    /// <summary>When set, record lookups (after the credential check) get this answer instead.</summary>
    public Func<IResult>? LookupOverride { get; set; }

    /// <summary>The access tokens or sessions the vendor honours.</summary>
    protected IssuedTokens AccessTokens { get; } = new();

    /// <summary>scheme://host:port of the fake, what vendors answer as their API domain or instance URL.</summary>
    protected string Authority => Server.BaseUri.GetLeftPart(UriPartial.Authority);

    /// <summary>Revokes every token issued so far (not the permanent ones), as if they expired on the vendor's side.</summary>
    public void ExpireIssuedTokens() => AccessTokens.Clear(except: _permanentTokens);

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    /// <summary>The decoded value of <paramref name="parameter"/> in the query of the last of <paramref name="requests"/>.</summary>
    public static string LastParameter(IEnumerable<RecordedRequest> requests, string parameter) =>
        Uri.UnescapeDataString(Regex.Match(requests.Last().Query, $"[?&]{parameter}=([^&]*)", RegexOptions.None, TimeSpan.FromSeconds(1)).Groups[1].Value);

    /// <summary>The texts of the double-quoted phrases in <paramref name="text"/>, their backslash escapes undone (SOSL, Lucene).</summary>
    protected static IEnumerable<string> QuotedPhrases(string text) => QuotedPhrase().Matches(text).Select(m => Unescape(m.Groups[1].Value));

    /// <summary>Undoes backslash escapes: each backslash stands for the character after it.</summary>
    protected static string Unescape(string value) => BackslashEscape().Replace(value, "$1");

    /// <summary>Starts <paramref name="fake"/>'s server with the routes its <see cref="Map"/> gives.</summary>
    protected static async Task<TFake> ServeAsync<TFake>(TFake fake)
        where TFake : FakeVendor
    {
        ArgumentNullException.ThrowIfNull(fake);
        fake.Server = await FakeHttpServer.StartAsync(fake.Map);
        return fake;
    }

    protected abstract void Map(IEndpointRouteBuilder app);

    /// <summary>Issues the next access token, <paramref name="prefix"/> and its number (and <paramref name="suffix"/>).</summary>
    protected string IssueToken(string prefix, string suffix = "") => IssueToken(AccessTokens, prefix, suffix);

    /// <summary>Issues the next token of another kind (codes, refresh tokens), numbered with the access tokens.</summary>
    protected string IssueToken(IssuedTokens into, string prefix, string suffix = "")
    {
        ArgumentNullException.ThrowIfNull(into);
        var token = $"{prefix}{Interlocked.Increment(ref _issued)}{suffix}";
        into.Add(token);
        return token;
    }

    protected bool Honours(string token) => !RejectEveryToken && AccessTokens.Contains(token);

    /// <summary>Whether the Authorization header is <paramref name="scheme"/> and a token this fake honours.</summary>
    protected bool HonoursAuthorization(HttpRequest request, string scheme = "Bearer ")
    {
        ArgumentNullException.ThrowIfNull(request);
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith(scheme, StringComparison.Ordinal) && Honours(authorization[scheme.Length..]);
    }

    /// <summary>A record lookup: the refusal unless the credential is honoured, then a test's override, then the lookup.</summary>
    protected IResult Lookup(bool honoured, IResult refusal, Func<IResult> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return !honoured ? refusal : LookupOverride is { } answer ? answer() : lookup();
    }

    /// <summary><see cref="Lookup(bool, IResult, Func{IResult})"/> for a lookup that reads the request body.</summary>
    protected async Task<IResult> LookupAsync(bool honoured, IResult refusal, Func<Task<IResult>> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return !honoured ? refusal : LookupOverride is { } answer ? answer() : await lookup();
    }

    /// <summary><see cref="Lookup(bool, IResult, Func{IResult})"/> for fakes that write their answers themselves.</summary>
    protected Task WriteLookupAsync(HttpContext context, bool honoured, IResult refusal, Func<Task> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        return !honoured ? refusal.ExecuteAsync(context) : LookupOverride is { } answer ? answer().ExecuteAsync(context) : lookup();
    }

    /// <summary>Writes <paramref name="body"/> as JSON with <paramref name="status"/>, how vendors refuse a request.</summary>
    protected static Task AnswerAsync(HttpContext context, int status, object body)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(body, body.GetType());
    }

    [GeneratedRegex("\"((?:\\\\.|[^\"\\\\])*)\"")]
    private static partial Regex QuotedPhrase();

    [GeneratedRegex("\\\\(.)", RegexOptions.Singleline)]
    private static partial Regex BackslashEscape();
}

/// <summary>Tokens, sessions or codes a fake issued and still honours.</summary>
public sealed class IssuedTokens
{
    private readonly ConcurrentDictionary<string, bool> _live = new(StringComparer.Ordinal);

    public void Add(string token) => _live[token] = true;

    public bool Contains(string token) => _live.ContainsKey(token);

    /// <summary>Honours a single-use token once: true the first time, false after.</summary>
    public bool Spend(string token) => _live.TryRemove(token, out _);

    public void Clear(IReadOnlyCollection<string> except)
    {
        foreach (var token in _live.Keys.Where(t => !except.Contains(t)))
        {
            _live.TryRemove(token, out _);
        }
    }
}
