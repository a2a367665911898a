using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AriCrmRouter.EndToEndTests;

/// <summary>
/// The web admin (crmrouter-web, the built process) against the stack's Redis, in Debian's chromium driven by
/// Playwright: a real SIPp call routed by the real router shows up on the open Recent calls page by itself.
/// </summary>
[Collection(EndToEndTier.Name)]
public sealed class WebAdminRecentCallsTests(EndToEndEnvironment stack)
{
    [Fact]
    public async Task RecentCalls_CallPlacedThroughTheStack_AppearsWithoutReloading()
    {
        await using var web = await WebAdminProcess.StartAsync(stack);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await WebAdminProcess.LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = web.BaseUrl.ToString() });
        await page.GotoAsync("/login");
        await page.GetByLabel("Account").FillAsync(WebAdminProcess.AdminName);
        await page.GetByLabel("Password").FillAsync(web.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/rules$"));
        await page.GotoAsync("/calls");
        var navigations = 0;
        page.FrameNavigated += (_, frame) => navigations += frame == page.MainFrame ? 1 : 0;

        var call = await stack.CallAsync(Dids.Status, Callers.Gold);

        // The router names the call by its ARI channel id, which is Asterisk's uniqueid of the channel.
        var row = page.Locator($"#calls tr[data-channel='{call.Landing.UniqueId}']");
        await Expect(row).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var cells = await row.Locator("td").AllInnerTextsAsync();
        // The page shows the decision the router made for this call, as Asterisk saw it land (normally queue:610
        // for this GOLD caller; a first lookup of a run on a very busy machine may miss its deadline: the default).
        Assert.Equal(
            (call.Landing.Rule, Mask(Callers.Gold), call.Landing.Reason, call.Landing.Destination),
            (cells[1], cells[2], cells[4], cells[6]));
        Assert.Equal("status-did", cells[1]);
        Assert.Equal(0, navigations);
    }

    private static string Mask(string number) => new string('*', number.Length - 4) + number[^4..];
}
