namespace AriCrmRouter.WebTests;

[Collection(WebAdminTests.Name)]
public sealed partial class LoginTests(WebAdminFixture web)
{
    [Fact]
    public async Task Rules_NotLoggedIn_RedirectsToLogin()
    {
        var page = await web.OpenAsync(user: null, "/rules");

        await Expect(page).ToHaveURLAsync(LoginUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Log in" })).ToBeVisibleAsync();
        await WebAdminFixture.ScreenshotAsync(page, "login");
    }

    [Fact]
    public async Task Login_WrongPassword_IsRefusedAndStaysOnLogin()
    {
        var page = await web.OpenAsync(user: null, "/login");

        await page.GetByLabel("Account").FillAsync(WebAdminFixture.AdminName);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();

        await Expect(page.Locator("#login-error")).ToHaveTextAsync("Wrong account name or password.");
        await page.GotoAsync("/rules");
        await Expect(page).ToHaveURLAsync(LoginUrl());
    }

    [Fact]
    public async Task Login_RightPassword_OpensTheRules()
    {
        var page = await web.OpenAsync(WebAdminFixture.AdminName);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Routing rules" })).ToBeVisibleAsync();
    }

    [GeneratedRegex("/login")]
    private static partial Regex LoginUrl();
}
