namespace AriCrmRouter.Crm.Tests.ConnectorSupport;

public sealed class CredentialKeyTests
{
    [Fact]
    public void For_SameConnection_GivesTheSameKey()
    {
        Assert.Equal(CredentialKey.For(Connection("s3cret-one")), CredentialKey.For(Connection("s3cret-one")));
    }

    [Fact]
    public void For_RotatedSecret_GivesANewKeyStartingWithTheConnectionName()
    {
        var before = CredentialKey.For(Connection("s3cret-one"));
        var after = CredentialKey.For(Connection("s3cret-two"));

        Assert.NotEqual(before, after);
        Assert.StartsWith("main#", after, StringComparison.Ordinal);
    }

    [Fact]
    public void For_Key_NeverContainsSecretOrSettingValues()
    {
        var key = CredentialKey.For(Connection("s3cret-one"));

        Assert.DoesNotContain("s3cret-one", key, StringComparison.Ordinal);
        Assert.DoesNotContain("agent@example.com", key, StringComparison.Ordinal);
    }

    private static CrmConnection Connection(string password) =>
        new("main", "sugarcrm", new Dictionary<string, string> { ["username"] = "agent@example.com" }, new Dictionary<string, string> { ["password"] = password });
}
