namespace AriCrmRouter.Cli.Tests;

public sealed class RulesCommandTests(RedisServer redis) : IClassFixture<RedisServer>, IDisposable
{
    private readonly CliHarness _cli = new(redis);

    private async Task ImportAsync(string content, params string[] extra)
    {
        var run = await _cli.RunAsync(["rules", "import", _cli.WriteFile($"{Guid.NewGuid():N}.json", content), .. extra]);
        run.AssertExit(0);
    }

    private async Task<string> ExportAsync()
    {
        var run = await _cli.RunAsync("rules", "export");
        run.AssertExit(0);
        return run.Out;
    }

    [Fact]
    public async Task Import_ValidFile_StoresItAndReportsVersion()
    {
        var path = _cli.WriteFile("rules.json", RuleFiles.File([RuleFiles.Rule("vip-status")], new Dictionary<string, string> { ["5551000"] = "vip-status" }));

        var run = await _cli.RunAsync("rules", "import", path);

        run.AssertExit(0);
        Assert.Contains("version 1", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"vip-status\"", await ExportAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_InvalidFile_LeavesStoredSetAndVersionUntouched()
    {
        await ImportAsync(RuleFiles.File([RuleFiles.Rule("kept")]));
        var before = await ExportAsync();

        var run = await _cli.RunAsync("rules", "import", _cli.WriteFile("bad.json", RuleFiles.Invalid()));

        run.AssertFailed(1, "nothing was imported", "rules[1] (bad).rows[0].operator");
        Assert.Equal(before, await ExportAsync());
        var again = await _cli.RunAsync("rules", "import", _cli.WriteFile("next.json", RuleFiles.File([RuleFiles.Rule("next")])));
        Assert.Contains("version 2", again.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_StoredSetUnreadable_MergeRefusedButReplaceWorks()
    {
        await ImportAsync(RuleFiles.File([RuleFiles.Rule("stored")]));
        await using (var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.Configuration))
        {
            await connection.GetDatabase().StringSetAsync(_cli.Prefix + "rules:document", "{ broken");
        }

        var path = _cli.WriteFile("incoming.json", RuleFiles.File([RuleFiles.Rule("incoming")]));
        var merged = await _cli.RunAsync("rules", "import", path);
        var replaced = await _cli.RunAsync("rules", "import", path, "--replace");

        merged.AssertFailed(1, "stored in Redis (version 1) is invalid");
        replaced.AssertExit(0);
        Assert.Contains("version 2", replaced.Out, StringComparison.Ordinal);
        Assert.Equal(["incoming"], RuleNames(await _cli.ListAsync("rules")));
    }

    [Fact]
    public async Task Import_Merge_ReplacesSameNamedRulesAndKeepsOthers()
    {
        await ImportAsync(RuleFiles.File([RuleFiles.Rule("alpha", goldQueue: "201"), RuleFiles.Rule("beta")], new Dictionary<string, string> { ["5551000"] = "alpha", ["5551001"] = "beta" }));

        await ImportAsync(RuleFiles.File([RuleFiles.Rule("ALPHA", goldQueue: "999"), RuleFiles.Rule("gamma")], new Dictionary<string, string> { ["5551001"] = "gamma" }));

        var list = await _cli.RunAsync("rules", "list");
        list.AssertSays("beta", "gamma");
        var alpha = await _cli.RunAsync("rules", "show", "alpha");
        Assert.Contains("\"999\"", alpha.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\"201\"", alpha.Out, StringComparison.Ordinal);
        var dids = await _cli.RunAsync("dids", "list");
        Assert.Matches(@"5551000\s+alpha", dids.Out);
        Assert.Matches(@"5551001\s+gamma", dids.Out);
    }

    [Fact]
    public async Task Import_ConcurrentMerges_KeepEveryonesRules()
    {
        // Each lost race means another writer committed, so with 4 writers nobody loses more than 3 times
        // and all of them finish within RuleAdministration's 5 attempts.
        var paths = Enumerable.Range(0, 4)
            .Select(i => _cli.WriteFile($"part{i}.json", RuleFiles.File([RuleFiles.Rule($"rule{i}")], new Dictionary<string, string> { [$"555100{i}"] = $"rule{i}" })))
            .ToList();

        var runs = await Task.WhenAll(paths.Select(path => Task.Run(() => _cli.RunAsync("rules", "import", path))));

        Assert.All(runs, run => run.AssertExit(0));
        Assert.Equal(Enumerable.Range(0, 4).Select(i => $"rule{i}"), RuleNames(await _cli.ListAsync("rules")));
        Assert.Equal(4, (await _cli.ListAsync("dids")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    [Fact]
    public async Task Import_Replace_DropsRulesAndDidsNotInTheFile()
    {
        await ImportAsync(RuleFiles.File([RuleFiles.Rule("old")], new Dictionary<string, string> { ["5551000"] = "old" }));

        await ImportAsync(RuleFiles.File([RuleFiles.Rule("new")]), "--replace");

        var list = await _cli.RunAsync("rules", "list");
        Assert.DoesNotContain("old", list.Out, StringComparison.Ordinal);
        Assert.Contains("new", list.Out, StringComparison.Ordinal);
        Assert.Contains("No DIDs assigned.", await _cli.ListAsync("dids"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ToFile_RoundTripsThroughImportReplace()
    {
        await ImportAsync(RuleFiles.File([RuleFiles.Rule("one"), RuleFiles.CustomRule("two", "key-123")], new Dictionary<string, string> { ["5551000"] = "two" }));
        var exported = Path.Combine(_cli.WorkDirectory, "export.json");

        var run = await _cli.RunAsync("rules", "export", "--output", exported);
        await ImportAsync(File.ReadAllText(exported), "--replace");

        run.AssertExit(0);
        Assert.Equal(File.ReadAllText(exported), await ExportAsync());
        Assert.Contains("key-123", File.ReadAllText(exported), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_NothingStored_PrintsAnEmptyRuleFile()
    {
        var json = await ExportAsync();

        Assert.Contains("\"rules\": []", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Search_MatchesNameFieldAndDestinationsIgnoringCase()
    {
        await ImportAsync(RuleFiles.File(
        [
            RuleFiles.Rule("vip-status"),
            RuleFiles.Rule("ltv", field: "Lifetime_Value"),
            RuleFiles.Rule("sales", defaultQueue: "777"),
        ]));

        var byName = await _cli.RunAsync("rules", "list", "--search", "VIP");
        var byField = await _cli.RunAsync("rules", "list", "--search", "lifetime");
        var byDestination = await _cli.RunAsync("rules", "list", "--search", "777");
        var none = await _cli.RunAsync("rules", "list", "--search", "nothing-like-this");

        Assert.Equal(["vip-status"], RuleNames(byName.Out));
        Assert.Equal(["ltv"], RuleNames(byField.Out));
        Assert.Equal(["sales"], RuleNames(byDestination.Out));
        Assert.Contains("No rules match", none.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ShowsFieldLocationCrmDefaultAndRowCount()
    {
        await ImportAsync(RuleFiles.File([RuleFiles.Rule("ltv", field: "Lifetime_Value"), RuleFiles.CustomRule("custom", "k")]));

        var run = await _cli.RunAsync("rules", "list");

        Assert.Matches(@"ltv\s+Lifetime_Value\s+did\s+zoho-eu/Contacts\s+queue:100\s+1", run.Out);
        Assert.Matches(@"custom\s+status\s+did\s+custom crm\.example\.com\s+queue:100\s+1", run.Out);
    }

    [Fact]
    public async Task Show_Existing_PrintsRuleJsonDidsAndHidesHeaderValues()
    {
        await ImportAsync(RuleFiles.File([RuleFiles.CustomRule("vip", "very-secret-key")], new Dictionary<string, string> { ["5551000"] = "vip", ["5551001"] = "vip" }));

        var run = await _cli.RunAsync("rules", "show", "VIP");

        run.AssertExit(0);
        run.AssertSays("\"name\": \"vip\"", "DIDs: 5551000, 5551001", "X-Api-Key");
        Assert.DoesNotContain("very-secret-key", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_Unknown_ExitsOne()
    {
        var run = await _cli.RunAsync("rules", "show", "nope");

        run.AssertFailed(1, "No rule named 'nope'");
    }

    [Theory]
    [InlineData("y")]
    [InlineData("YES")]
    [InlineData("ok")]
    public async Task Delete_Confirmed_RemovesRuleAndItsDids(string answer)
    {
        await ImportAsync(RuleFiles.File([RuleFiles.Rule("doomed"), RuleFiles.Rule("other")], new Dictionary<string, string> { ["5551000"] = "doomed", ["5551001"] = "other" }));

        var run = await _cli.RunWithInputAsync(answer + "\n", "rules", "delete", "doomed");

        run.AssertExit(0);
        run.AssertSays("Are you sure you want to remove 'doomed'?", "5551000");
        Assert.Equal(["other"], RuleNames(await _cli.ListAsync("rules")));
        var dids = await _cli.ListAsync("dids");
        Assert.DoesNotContain("5551000", dids, StringComparison.Ordinal);
        Assert.Contains("5551001", dids, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("n\n")]
    [InlineData("\n")]
    [InlineData("")]
    public async Task Delete_Declined_KeepsTheRuleAndExitsOne(string input)
    {
        await ImportAsync(RuleFiles.File([RuleFiles.Rule("kept")]));
        var before = await ExportAsync();

        var run = await _cli.RunWithInputAsync(input, "rules", "delete", "kept");

        run.AssertExit(1);
        Assert.Contains("Cancelled", run.Out, StringComparison.Ordinal);
        Assert.Equal(before, await ExportAsync());
    }

    [Fact]
    public async Task Delete_Yes_DoesNotAsk()
    {
        await ImportAsync(RuleFiles.File([RuleFiles.Rule("gone")]));

        var run = await _cli.RunAsync("rules", "delete", "gone", "--yes");

        run.AssertExit(0);
        Assert.DoesNotContain("Are you sure", run.Out, StringComparison.Ordinal);
        Assert.Contains("No rules.", await _cli.ListAsync("rules"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_Unknown_ExitsOneWithoutAsking()
    {
        var run = await _cli.RunWithInputAsync("y\n", "rules", "delete", "ghost");

        run.AssertExit(1);
        Assert.DoesNotContain("Are you sure", run.Out, StringComparison.Ordinal);
    }

    /// <summary>First column of a table, without the header.</summary>
    internal static IReadOnlyList<string> RuleNames(string table) =>
        [.. table.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(line => line.Split(' ')[0])];

    public void Dispose() => _cli.Dispose();
}
