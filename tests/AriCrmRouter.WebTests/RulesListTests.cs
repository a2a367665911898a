namespace AriCrmRouter.WebTests;

[Collection(WebAdminTests.Name)]
public sealed class RulesListTests(WebAdminFixture web)
{
    [Fact]
    public async Task Search_TypingPartOfAName_NarrowsTheListAsYouType()
    {
        await web.SaveRuleAsync(WebAdminFixture.QueueRule("search-alpha"));
        await web.SaveRuleAsync(WebAdminFixture.QueueRule("search-beta", field: "tier"));
        var page = await web.OpenAsync(WebAdminFixture.AdminName);
        var visibleRows = page.Locator("#rules tbody tr:visible");
        await Expect(page.Locator("#rules tbody tr[data-rule='search-beta']")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).PressSequentiallyAsync("search-al");

        await Expect(visibleRows).ToHaveCountAsync(1);
        await Expect(visibleRows.First).ToHaveAttributeAsync("data-rule", "search-alpha");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("tier");
        await Expect(visibleRows).ToHaveCountAsync(1);
        await Expect(visibleRows.First).ToHaveAttributeAsync("data-rule", "search-beta");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("");
        await WebAdminFixture.ScreenshotAsync(page, "rules");
    }

    [Fact]
    public async Task Delete_ThenCancel_KeepsTheRule()
    {
        await web.SaveRuleAsync(WebAdminFixture.QueueRule("keep-me"));
        var page = await web.OpenAsync(WebAdminFixture.AdminName);
        string? asked = null;
        page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.DismissAsync();
        };

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete keep-me" }).ClickAsync();

        Assert.Equal("Are you sure you want to remove 'keep-me'?", asked);
        await page.ReloadAsync();
        await Expect(page.Locator("#rules tbody tr[data-rule='keep-me']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Delete_ThenOk_RemovesTheRule()
    {
        await web.SaveRuleAsync(WebAdminFixture.QueueRule("remove-me"));
        var page = await web.OpenAsync(WebAdminFixture.AdminName);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete remove-me" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Removed rule 'remove-me'");
        await Expect(page.Locator("#rules tbody tr[data-rule='remove-me']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Viewer_SeesNoChangeButtonsAndIsDeniedTheForm()
    {
        await web.SaveRuleAsync(WebAdminFixture.QueueRule("viewer-sees"));
        var page = await web.OpenAsync(WebAdminFixture.ViewerName);

        await Expect(page.Locator("#rules tbody tr[data-rule='viewer-sees']")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete viewer-sees" })).ToHaveCountAsync(0);
        await Expect(page.Locator("#add-rule")).ToHaveCountAsync(0);

        var response = await page.GotoAsync("/rules/edit/viewer-sees");
        Assert.Equal(403, response!.Status);
        await Expect(page.Locator("#denied")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Viewer_PostingTheFormsOfTheDidsHistoryAndIntegrationsPages_IsDenied()
    {
        await web.SaveRuleAsync(WebAdminFixture.QueueRule("viewer-posts"));
        var page = await web.OpenAsync(WebAdminFixture.ViewerName);
        var token = await page.Locator("form.who input[name='__RequestVerificationToken']").GetAttributeAsync("value");
        string[] posts = ["/dids?handler=Assign", "/dids?handler=Unassign", "/history?handler=Restore", "/integrations?handler=Test", "/integrations?handler=Delete"];

        foreach (var post in posts)
        {
            var form = page.APIRequest.CreateFormData();
            form.Set("__RequestVerificationToken", token!);
            form.Set("Did", "5550199");
            form.Set("Rule", "viewer-posts");
            form.Set("Version", "1");
            form.Set("Name", "viewer-posts");
            form.Set("confirmed", "yes");
            var response = await page.APIRequest.PostAsync(post, new() { Form = form });
            Assert.Equal(403, response.Status);
            Assert.Contains("/denied", response.Url, StringComparison.Ordinal);
        }

        await page.GotoAsync("/dids");
        await Expect(page.Locator("#dids tbody tr[data-did='5550199']")).ToHaveCountAsync(0);
    }
}
