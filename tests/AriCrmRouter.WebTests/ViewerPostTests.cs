using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AriCrmRouter.WebTests;

/// <summary>Viewers may open the DIDs, History and Integrations pages, but every form post on them needs the admin role.</summary>
[Collection(WebAdminTests.Name)]
public sealed class ViewerPostTests(WebAdminFixture web)
{
    [Theory]
    [InlineData("/dids", "Assign")]
    [InlineData("/dids", "Unassign")]
    [InlineData("/history", "Restore")]
    [InlineData("/integrations", "Test")]
    [InlineData("/integrations", "Delete")]
    public async Task Post_AsViewerWithAValidToken_IsDenied(string path, string handler)
    {
        await web.SaveRuleAsync(WebAdminFixture.QueueRule("viewer-posts"));
        var page = await web.OpenAsync(WebAdminFixture.ViewerName);
        await page.GotoAsync(path);
        var token = await page.Locator("form.who input[name='__RequestVerificationToken']").GetAttributeAsync("value");
        var form = page.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token!);
        form.Set("Did", "5550199");
        form.Set("Rule", "viewer-posts");
        form.Set("Version", "1");
        form.Set("Name", "any");
        form.Set("confirmed", "yes");

        var response = await page.APIRequest.PostAsync($"{path}?handler={handler}", new() { Form = form });

        Assert.Equal(403, response.Status);
        Assert.Contains("/denied", response.Url, StringComparison.Ordinal);
        await page.GotoAsync("/dids");
        await Expect(page.Locator("#dids tbody tr[data-did='5550199']")).ToHaveCountAsync(0);
    }
}
