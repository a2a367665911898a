namespace AriCrmRouter.WebTests;

/// <summary>The keys that protect login and antiforgery cookies live in the configured directory, not in a per-user default.</summary>
[Collection(WebAdminTests.Name)]
public sealed class LoginKeysTests(WebAdminFixture web)
{
    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Login_ConfiguredKeyDirectory_HoldsTheCookieKeysOwnerOnly()
    {
        var page = await web.OpenAsync(WebAdminFixture.ViewerName);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Routing rules" })).ToBeVisibleAsync();

        Assert.NotEmpty(Directory.GetFiles(web.DataProtectionKeys, "key-*.xml"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(web.DataProtectionKeys));
    }

    [Fact]
    public void Build_NoKeyDirectoryConfigured_RefusesToStart()
    {
        var error = Assert.Throws<OptionsValidationException>(() => AdminWebApp.Build(["--urls", "http://127.0.0.1:0"]));

        Assert.Contains(nameof(WebAdminOptions.DataProtectionKeysPath), error.Message, StringComparison.Ordinal);
    }
}
