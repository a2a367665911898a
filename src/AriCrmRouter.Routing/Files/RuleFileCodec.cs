using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;

namespace AriCrmRouter.Routing.Files;

/// <summary>
/// Reads and writes the rule file format (docs/rules.md, schema/rules.schema.json): the document admins edit, Redis
/// stores and <c>rules export</c> prints. Reading rejects a malformed file whole and lists every problem.
/// </summary>
public static class RuleFileCodec
{
    /// <summary>
    /// How rule files are read (comments and trailing commas allowed, nesting bounded), by this codec and by whatever
    /// else reads the document as JSON.
    /// </summary>
    public static JsonDocumentOptions ReadOptions { get; } = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 16,
    };

    // Rule files are read by people and never embedded in HTML, so '<', '>' and '+' (operators, DIDs) stay readable
    // instead of becoming \u003C escapes.
    private static readonly RuleFileJsonContext WriteContext = new(new JsonSerializerOptions(RuleFileJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    });

    /// <summary>Reads a rule file; the result has a rule set only when there is no problem at all.</summary>
    public static RuleFileParseResult Parse(string json) => Read(
        json,
        (reader, root) => reader.Read(root),
        file => RuleValidator.Validate(file.Rules, file.Dids),
        file => UnmatchableRows.Find(file.Rules),
        (file, problems, warnings) => new RuleFileParseResult(problems.Count == 0 ? new RuleSet(file.Rules, file.Dids) : null, problems) { Warnings = warnings });

    /// <summary>
    /// Reads one rule written as a single object in the shape of a <c>rules[]</c> entry (for commands that add or show
    /// one rule). Paths in problems are relative to the rule (<c>rows[0].value</c>). Unique names and DIDs are the
    /// caller's to check against the stored set.
    /// </summary>
    public static RuleParseResult ParseRule(string json) => Read(
        json,
        (reader, root) => reader.ReadSingleRule(root),
        RuleValidator.ValidateRule,
        UnmatchableRows.FindInRule,
        (rule, problems, warnings) => new RuleParseResult(problems.Count == 0 ? rule : null, problems) { Warnings = warnings });

    /// <summary>
    /// The reading both documents share: the reader's structural problems first, then the validator's about what the
    /// reader could not already see, ordered file-first; the result gets <typeparamref name="TValue"/> only without
    /// problems (an unreadable text gives <c>default</c> and its problems).
    /// </summary>
    private static TResult Read<TValue, TResult>(
        string json,
        Func<RuleFileReader, JsonElement, TValue> read,
        Func<TValue, IReadOnlyList<ValidationProblem>> validate,
        Func<TValue, IReadOnlyList<ValidationProblem>> findUnmatchable,
        Func<TValue, IReadOnlyList<ValidationProblem>, IReadOnlyList<ValidationProblem>, TResult> result)
        where TResult : ParseResult
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!TryOpen(json, out var document, out var unreadable))
        {
            return result(default!, unreadable, []);
        }

        using (document)
        {
            var sink = new ProblemSink();
            var value = read(new RuleFileReader(sink), document.RootElement);
            var problems = sink.Problems
                .Concat(validate(value).Where(problem => !sink.Covers(problem.Path)))
                .OrderBy(problem => SectionOrder(problem.Path))
                .ToList();
            var warnings = findUnmatchable(value).Where(warning => !sink.Covers(warning.Path)).ToList();
            return result(value, problems, warnings);
        }
    }

    /// <summary>Writes one rule as an indented object in the shape of a <c>rules[]</c> entry; <see cref="ParseRule"/> reads it back.</summary>
    public static string SerializeRule(Rule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return JsonSerializer.Serialize(ToDto(rule), WriteContext.RuleDto) + "\n";
    }

    /// <summary>
    /// Writes <paramref name="ruleSet"/> as an indented rule file (rules by name, DIDs in ordinal order) that
    /// <see cref="Parse"/> reads back to an equal set. <paramref name="schemaReference"/> becomes the <c>$schema</c> member.
    /// </summary>
    public static string Serialize(RuleSet ruleSet, string? schemaReference = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var dids = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (did, rule) in ruleSet.DidAssignments)
        {
            dids[did] = rule;
        }

        var file = new RuleFileDto(schemaReference, [.. ruleSet.Rules.Select(ToDto)], dids);
        return JsonSerializer.Serialize(file, WriteContext.RuleFileDto) + "\n";
    }

    /// <summary>Parses the text; false with the problems when it is not JSON or holds text no string can carry.</summary>
    private static bool TryOpen(string json, [NotNullWhen(true)] out JsonDocument? document, out IReadOnlyList<ValidationProblem> problems)
    {
        try
        {
            document = JsonDocument.Parse(json, ReadOptions);
        }
        catch (JsonException ex)
        {
            (document, problems) = (null, [SyntaxProblem(ex)]);
            return false;
        }
        catch (ArgumentException)
        {
            // Thrown for text that is not valid UTF-16 (an unpaired surrogate character): it cannot be JSON at all.
            (document, problems) = (null, [new ValidationProblem(ProblemSink.RootPath, null, "the text is not valid Unicode: it has an unpaired surrogate character")]);
            return false;
        }

        problems = UndecodableText.Find(document.RootElement);
        if (problems.Count == 0)
        {
            return true;
        }

        document.Dispose();
        document = null;
        return false;
    }

    private const int MaxSyntaxDescription = 200;

    private static ValidationProblem SyntaxProblem(JsonException ex)
    {
        // The reader's message repeats the position in its own words; keep only the description.
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var description = (cut >= 0 ? message[..cut] : message).TrimEnd(' ', '.', '|');
        if (description.Length > MaxSyntaxDescription)
        {
            // The reader quotes the offending token, which a crafted file makes as long as it likes.
            description = $"{description[..MaxSyntaxDescription]}…";
        }

        var line = (ex.LineNumber ?? 0) + 1;
        var position = (ex.BytePositionInLine ?? 0) + 1;
        return new ValidationProblem("$", null, $"invalid JSON at line {line}, position {position}: {description}");
    }

    /// <summary>Sorts problems file-first, then by rule index, then DIDs, keeping the order found within each.</summary>
    private static (int Section, int Index) SectionOrder(string path)
    {
        if (path.StartsWith("rules[", StringComparison.Ordinal))
        {
            var end = path.IndexOf(']', StringComparison.Ordinal);
            if (end > 6 && int.TryParse(path.AsSpan(6, end - 6), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                return (1, index);
            }
        }

        return path.StartsWith("dids", StringComparison.Ordinal) ? (2, 0) : (0, 0);
    }

    private static RuleDto ToDto(Rule rule) => new(
        rule.Name,
        rule.CrmField,
        rule.Location.ToWireName(),
        rule.Greeting,
        ToDto(rule.Crm),
        ToDto(rule.DefaultDestination),
        rule.DefaultVoicemail.ToWireName(),
        [.. rule.Rows.Select(row => new RowDto(row.Operator.ToSymbol(), row.Value, ToDto(row.Destination)))],
        rule.Dtmf is { } dtmf
            ? new DtmfDto(
                dtmf.MaxDigits,
                dtmf.Terminator?.ToString(),
                (int)dtmf.FirstDigitTimeout.TotalMilliseconds,
                (int)dtmf.InterDigitTimeout.TotalMilliseconds)
            : null,
        rule.Lookup is { } lookup && lookup != LookupSettings.Defaults
            ? new LookupDto(
                (int?)lookup.Timeout?.TotalMilliseconds,
                (int?)lookup.CacheTtl?.TotalSeconds,
                (int?)lookup.NegativeCacheTtl?.TotalSeconds)
            : null);

    private static CrmDto ToDto(CrmSource crm) => crm switch
    {
        CustomCrmSource custom => new CustomCrmDto(
            custom.Url.OriginalString,
            custom.UsePost,
            new SortedDictionary<string, string>(custom.Headers.ToDictionary(), StringComparer.Ordinal)),
        IntegrationCrmSource integration => new IntegrationCrmDto(integration.Connection, integration.Module, integration.KeyField),
        null => throw new ArgumentException("a rule without a CRM source cannot be written", nameof(crm)),
        _ => throw new ArgumentOutOfRangeException(nameof(crm), crm.GetType().Name, "unsupported CRM source"),
    };

    private static DestinationDto ToDto(Destination destination) => new(destination.Type.ToWireName(), destination.Target);
}
