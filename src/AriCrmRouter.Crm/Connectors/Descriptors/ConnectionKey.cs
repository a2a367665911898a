namespace AriCrmRouter.Crm.Connectors;

/// <summary>
/// One key a connection kind accepts: a plain setting or a secret, required or optional, with its default and a
/// one-line description. Declared once by the connector (<see cref="CrmConnectorDescriptor"/>); the connector's
/// settings reading, the admin's checks before a save and <c>crm kinds</c> all read it from there.
/// </summary>
public sealed record ConnectionKey(string Name, bool IsSecret, bool IsRequired, string? Default, string Description)
{
    /// <summary>The region caller numbers without a country code are read in; every vendor connection accepts it.</summary>
    public static readonly ConnectionKey DefaultRegion =
        Setting("defaultRegion", "two-letter ISO 3166 region for numbers without a country code", "Crm:DefaultRegion of the router");

    /// <summary>How long a login session is kept, for the vendors whose sessions carry no lifetime (SuiteCRM 7, Vtiger).</summary>
    public static readonly ConnectionKey SessionMinutes =
        Setting("sessionMinutes", "session lifetime in minutes (1-1440)", "20");

    /// <summary>The phone fields searched instead of the <paramref name="record"/>'s own, for the vendors that know them per record type.</summary>
    public static ConnectionKey PhoneFields(string record = "module") =>
        Setting("phoneFields", "comma-separated phone fields", $"the {record}'s phone fields");

    public static ConnectionKey Setting(string name, string description, string? defaultValue = null) =>
        new(name, IsSecret: false, IsRequired: false, defaultValue, description);

    public static ConnectionKey RequiredSetting(string name, string description) =>
        new(name, IsSecret: false, IsRequired: true, null, description);

    public static ConnectionKey Secret(string name, string description) =>
        new(name, IsSecret: true, IsRequired: false, null, description);

    public static ConnectionKey RequiredSecret(string name, string description) =>
        new(name, IsSecret: true, IsRequired: true, null, description);

    /// <summary>"setting" or "secret", as problems and listings call it.</summary>
    public string Role => IsSecret ? "secret" : "setting";

    /// <summary>The key's name, as it is written in a connection and in messages.</summary>
    public override string ToString() => Name;
}
