namespace AriCrmRouter.WebTests;

[Collection(WebAdminTests.Name)]
public sealed class RuleFormTests(WebAdminFixture web)
{
    [Fact]
    public async Task AddRule_ChoosingIvrLocation_RevealsGreetingAndDtmfSettings()
    {
        var page = await web.OpenAsync(WebAdminFixture.AdminName, "/rules/edit");
        var greeting = page.GetByLabel("Greeting Instructions");
        await Expect(greeting).ToBeHiddenAsync();

        await page.GetByLabel("Location").SelectOptionAsync("ivr");

        await Expect(greeting).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Max digits")).ToBeVisibleAsync();
        await WebAdminFixture.ScreenshotAsync(page, "rule-form-ivr");
    }

    [Fact]
    public async Task AddRule_HttpUrl_ShowsTheErrorNextToTheUrlAndSavesNothing()
    {
        var page = await web.OpenAsync(WebAdminFixture.AdminName, "/rules/edit");
        await FillValidCustomRuleAsync(page, "plain-http");

        await page.GetByLabel("URL").FillAsync("http://crm.example.com/lookup");
        await page.Locator("#save").ClickAsync();

        await Expect(page.Locator(".field-error[data-path='crm.url']")).ToContainTextAsync("https://");
        await Expect(page.Locator("#problems")).ToContainTextAsync("Nothing was saved");
        await WebAdminFixture.ScreenshotAsync(page, "rule-form-error");
        var stored = await web.Services.GetRequiredService<IRuleStore>().LoadAsync(default);
        Assert.Null(stored.RuleSet.FindByName("plain-http"));
    }

    [Fact]
    public async Task AddRule_EveryFieldValid_SavesTheRule()
    {
        var page = await web.OpenAsync(WebAdminFixture.AdminName, "/rules/edit");
        await FillValidCustomRuleAsync(page, "saved-by-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add header" }).ClickAsync();
        await page.GetByLabel("Header 1 name").FillAsync("X-Api-Key");
        await page.GetByLabel("Header 1 value").FillAsync("k-123");

        await page.Locator("#save").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved rule 'saved-by-form'");
        var rule = (await web.Services.GetRequiredService<IRuleStore>().LoadAsync(default)).RuleSet.FindByName("saved-by-form");
        var crm = Assert.IsType<CustomCrmSource>(rule?.Crm);
        Assert.True(crm.UsePost);
        Assert.Equal("k-123", crm.Headers["X-Api-Key"]);
        Assert.Equal(VoicemailPreference.Yes, rule!.DefaultVoicemail);
    }

    [Fact]
    public async Task EditRule_MoveSecondRowUp_SavesTheRowsInTheNewOrder()
    {
        await web.SaveRuleAsync(WebAdminFixture.QueueRule("reorder-me"));
        var page = await web.OpenAsync(WebAdminFixture.AdminName, "/rules/edit/reorder-me");
        await Expect(page.GetByLabel("Row 1 value")).ToHaveValueAsync("GOLD");

        await page.GetByRole(AriaRole.Button, new() { Name = "Move row 2 up" }).ClickAsync();

        await Expect(page.GetByLabel("Row 1 value")).ToHaveValueAsync("SILVER");
        await WebAdminFixture.ScreenshotAsync(page, "rule-form");
        await page.Locator("#save").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved rule 'reorder-me'");
        var rule = (await web.Services.GetRequiredService<IRuleStore>().LoadAsync(default)).RuleSet.FindByName("reorder-me");
        Assert.Equal(["SILVER", "GOLD"], rule!.Rows.Select(r => r.Value));
    }

    private static async Task FillValidCustomRuleAsync(IPage page, string name)
    {
        await page.GetByLabel("Rule Name").FillAsync(name);
        await page.GetByLabel("CRM Field Name").FillAsync("status");
        await page.GetByLabel("Custom CRM").CheckAsync();
        await page.GetByLabel("URL").FillAsync("https://crm.example.com/lookup");
        await page.GetByRole(AriaRole.Radiogroup, new() { Name = "HTTP Method POST" }).GetByLabel("Yes").CheckAsync();
        await page.GetByLabel("Number or recording").First.FillAsync("100");
        await page.GetByRole(AriaRole.Radiogroup, new() { Name = "Default Voicemail" }).GetByLabel("Yes").CheckAsync();
        await page.GetByLabel("Row 1 value").FillAsync("GOLD");
        await page.GetByLabel("Row 1 target").FillAsync("103");
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(1366, 768)]
    public async Task EditRule_LaptopScreen_RowsFitWithoutScrollingSideways(int width, int height)
    {
        await web.SaveRuleAsync(WebAdminFixture.QueueRule("laptop-width"));
        var page = await web.OpenAsync(WebAdminFixture.AdminName);
        await page.SetViewportSizeAsync(width, height);

        await page.GotoAsync("/rules/edit/laptop-width");

        await Expect(page.GetByLabel("Row 2 value")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var rowsOutsideFieldset = await page.EvaluateAsync<int>(
            "() => Math.ceil(document.getElementById('rows').getBoundingClientRect().right - document.getElementById('rows').closest('fieldset').getBoundingClientRect().right)");
        Assert.Equal((0, 0), (Math.Max(0, overflow), Math.Max(0, rowsOutsideFieldset)));
    }
}
