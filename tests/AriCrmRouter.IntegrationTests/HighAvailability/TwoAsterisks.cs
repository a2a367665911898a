using AriCrmRouter.TestKit.Ari;

namespace AriCrmRouter.IntegrationTests.HighAvailability;

/// <summary>The settings of a router serving two Asterisk servers, pbx1 and pbx2 (<c>Ari:Servers</c>), instead of <c>Ari:BaseUrl</c>.</summary>
internal static class TwoAsterisks
{
    public static Dictionary<string, string?> Settings(FakeAriServer pbx1, FakeAriServer pbx2, string application = "crmrouter")
    {
        var settings = new Dictionary<string, string?>
        {
            ["Ari:BaseUrl"] = null,
            ["Ari:Username"] = null,
            ["Ari:Password"] = null,
            ["Ari:Application"] = application,
        };
        foreach (var (index, name, server) in new[] { (0, "pbx1", pbx1), (1, "pbx2", pbx2) })
        {
            settings[$"Ari:Servers:{index}:Name"] = name;
            settings[$"Ari:Servers:{index}:BaseUrl"] = server.BaseUri.ToString();
            settings[$"Ari:Servers:{index}:Username"] = server.Username;
            settings[$"Ari:Servers:{index}:Password"] = server.Password;
        }

        return settings;
    }
}
