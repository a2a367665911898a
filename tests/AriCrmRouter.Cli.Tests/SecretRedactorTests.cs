using System.Text;
using AriCrmRouter.Admin.Connections;
using AriCrmRouter.Crm.Connectors;

namespace AriCrmRouter.Cli.Tests;

public sealed class SecretRedactorTests
{
    private const string Secret = "p@ss word/42";

    [Fact]
    public void Redact_SecretAsIsEscapedOrBase64_IsMaskedEverywhere()
    {
        var redactor = new SecretRedactor(new CrmConnection("c", "vtiger", new Dictionary<string, string>(), new Dictionary<string, string> { ["accessKey"] = Secret }));
        var text = $"a {Secret} b {Uri.EscapeDataString(Secret)} c {Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret))}";

        var redacted = redactor.Redact(text);

        Assert.Equal("a *** b *** c ***", redacted);
    }

    [Fact]
    public void Redact_SettingValues_AreLeftAlone()
    {
        var redactor = new SecretRedactor(new CrmConnection("c", "vtiger", new Dictionary<string, string> { ["username"] = "admin" }, new Dictionary<string, string> { ["accessKey"] = Secret }));

        Assert.Equal("user admin", redactor.Redact("user admin"));
    }
}
