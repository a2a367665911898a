namespace AriCrmRouter.Crm.Tests.ConnectorSupport;

public sealed class PhoneFieldNamesTests
{
    private static readonly Dictionary<string, string[]> Defaults = new(StringComparer.OrdinalIgnoreCase) { ["Contacts"] = ["phone_work", "phone_mobile"] };

    [Fact]
    public void Resolve_NothingConfigured_UsesTheModuleDefaultsIgnoringCase()
    {
        Assert.Equal(["phone_work", "phone_mobile"], PhoneFieldNames.Resolve(null, Defaults, "contacts", "phoneFields", "main"));
    }

    [Fact]
    public void Resolve_Configured_UsesTheTrimmedList()
    {
        Assert.Equal(["phone", "other_phone"], PhoneFieldNames.Resolve(" phone , other_phone ", Defaults, "Contacts", "phoneFields", "main"));
    }

    [Fact]
    public void Resolve_ConfiguredNameIsNotAnIdentifier_IsAConfigurationFailure()
    {
        var failure = Assert.Throws<CrmLookupException>(() => PhoneFieldNames.Resolve("phone,x) OR 1=1", Defaults, "Contacts", "phoneFields", "main"));

        Assert.Equal(CrmFailureKind.Configuration, failure.Kind);
    }

    [Fact]
    public void Resolve_UnknownModuleWithoutSetting_NamesTheSettingToSet()
    {
        var failure = Assert.Throws<CrmLookupException>(() => PhoneFieldNames.Resolve(null, Defaults, "Candidate", "phoneFields", "main", "entity"));

        Assert.Equal(CrmFailureKind.Configuration, failure.Kind);
        Assert.Contains("entity 'Candidate'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'phoneFields'", failure.Message, StringComparison.Ordinal);
    }
}
