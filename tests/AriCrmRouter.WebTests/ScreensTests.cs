namespace AriCrmRouter.WebTests;

[Collection(WebAdminTests.Name)]
public sealed class ScreensTests(WebAdminFixture web)
{
    [Fact]
    public async Task ConnectionTest_HubSpot_ShowsTheTraceWithTheSecretMasked()
    {
        web.HubSpot.Records.Add(("contacts", new() { ["hs_object_id"] = "901", ["phone"] = "+14155550100", ["status"] = "GOLD" }));
        var page = await web.OpenAsync(WebAdminFixture.AdminName, "/integrations/edit");
        await page.GetByLabel("Name").FillAsync("hub-web");
        await page.GetByLabel("CRM", new() { Exact = true }).SelectOptionAsync("hubspot");
        await page.GetByLabel("Settings").FillAsync($"baseUrl={web.HubSpot.Server.BaseUri}");
        await page.GetByLabel("New or changed secrets").FillAsync($"accessToken={FakeHubSpot.PrivateAppToken}");
        await page.Locator("#save").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved connection 'hub-web'");
        await Expect(page.Locator("tr[data-connection='hub-web']")).ToContainTextAsync("accessToken = ••••••");

        await page.GetByLabel("Connection", new() { Exact = true }).SelectOptionAsync("hub-web");
        await page.GetByLabel("Module").FillAsync("contacts");
        await page.GetByLabel("Field", new() { Exact = true }).FillAsync("status");
        await page.GetByLabel("Caller number").FillAsync("+14155550100");
        await page.Locator("#test").ClickAsync();

        await Expect(page.Locator("#trace")).ToContainTextAsync("Outcome: value \"GOLD\"");
        await Expect(page.Locator("#trace")).ToContainTextAsync("/crm/v3/objects/contacts/search -> 200 OK");
        await WebAdminFixture.ScreenshotAsync(page, "integrations");
        Assert.DoesNotContain(FakeHubSpot.PrivateAppToken, await page.ContentAsync(), StringComparison.Ordinal);
        await page.GotoAsync("/integrations/edit/hub-web");
        Assert.DoesNotContain(FakeHubSpot.PrivateAppToken, await page.ContentAsync(), StringComparison.Ordinal);
        await Expect(page.Locator("#stored-secrets")).ToContainTextAsync("accessToken = ••••••");
    }

    [Fact]
    public async Task Simulate_GivenValue_ShowsTheDecisionTrail()
    {
        await web.SaveRuleAsync(WebAdminFixture.QueueRule("simulate-me"));
        var page = await web.OpenAsync(WebAdminFixture.ViewerName, "/simulate");

        await page.GetByLabel("Rule", new() { Exact = true }).SelectOptionAsync("simulate-me");
        await page.GetByLabel("Caller number").FillAsync("+14155550100");
        await page.GetByLabel("Use this CRM value").FillAsync("SILVER");
        await page.Locator("#run").ClickAsync();

        var trail = page.Locator("#trail");
        await Expect(trail).ToContainTextAsync("CRM: not asked");
        await Expect(trail).ToContainTextAsync("Row 2: = SILVER -> queue:102  MATCH");
        await Expect(trail).ToContainTextAsync("Destination: queue:102 (row 2 matched)");
        await WebAdminFixture.ScreenshotAsync(page, "simulate");
    }

    [Fact]
    public async Task History_ChangeThenRestore_BringsBackTheEarlierVersion()
    {
        var before = await web.SaveRuleAsync(WebAdminFixture.QueueRule("history-me"));
        var page = await web.OpenAsync(WebAdminFixture.AdminName, "/rules/edit/history-me");
        await page.GetByLabel("Row 1 value").FillAsync("PLATINUM");
        await page.Locator("#save").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved rule 'history-me'");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();

        await page.GotoAsync("/history");
        await Expect(page.Locator("#history tbody tr").First).ToContainTextAsync($"web:{WebAdminFixture.AdminName}");
        await Expect(page.Locator("#history tbody tr").First).ToContainTextAsync("changed rule 'history-me'");
        await WebAdminFixture.ScreenshotAsync(page, "history");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Restore version {before}" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Restored version {before}");
        var rule = (await web.Services.GetRequiredService<AriCrmRouter.Storage.IRuleStore>().LoadAsync(default)).RuleSet.FindByName("history-me");
        Assert.Equal("GOLD", rule!.Rows[0].Value);
    }

    [Fact]
    public async Task RecentCalls_NewDecision_AppearsWithoutReloading()
    {
        var page = await web.OpenAsync(WebAdminFixture.ViewerName, "/calls");
        var channel = "chan-" + Guid.NewGuid().ToString("N")[..8];

        await web.AppendDecisionAsync(new DecisionRecord(
            new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero), channel, "vip-status", "caller:…0100", "GOLD", "row-matched", "1", "queue:103", 12, "continued"));

        await Expect(page.Locator($"#calls tr[data-channel='{channel}']")).ToContainTextAsync("queue:103", new() { Timeout = 15_000 });
        await WebAdminFixture.ScreenshotAsync(page, "calls");
    }

    [Fact]
    public async Task Dids_AssignThenUnassign_ChangesTheTable()
    {
        await web.SaveRuleAsync(WebAdminFixture.QueueRule("did-target"));
        var page = await web.OpenAsync(WebAdminFixture.AdminName, "/dids");

        await page.GetByLabel("DID", new() { Exact = true }).FillAsync("5557777");
        await page.GetByLabel("Rule", new() { Exact = true }).SelectOptionAsync("did-target");
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();

        await Expect(page.Locator("#dids tr[data-did='5557777']")).ToContainTextAsync("did-target");
        await WebAdminFixture.ScreenshotAsync(page, "dids");
        await page.GetByRole(AriaRole.Button, new() { Name = "Unassign 5557777" }).ClickAsync();
        await Expect(page.Locator("#dids tr[data-did='5557777']")).ToHaveCountAsync(0);
    }
}
