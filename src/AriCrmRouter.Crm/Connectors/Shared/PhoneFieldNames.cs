namespace AriCrmRouter.Crm.Connectors.Shared;

/// <summary>
/// Which fields of a module hold phone numbers: the connection's comma-separated setting when given (each a
/// checked API name), otherwise the connector's defaults for the standard modules.
/// </summary>
internal static class PhoneFieldNames
{
    /// <param name="moduleWord">What the CRM calls a module in messages (module, entity).</param>
    public static IReadOnlyList<string> Resolve(
        string? configured,
        IReadOnlyDictionary<string, string[]> defaultsByModule,
        string module,
        string settingKey,
        string connectionName,
        string moduleWord = "module")
    {
        ArgumentNullException.ThrowIfNull(defaultsByModule);
        if (configured is not null)
        {
            return ApiNames.RequireList(configured, "phone field", connectionName);
        }

        return defaultsByModule.TryGetValue(module, out var fields)
            ? fields
            : throw new CrmLookupException(CrmFailureKind.Configuration, $"connection '{connectionName}': {moduleWord} '{module}' has no known phone fields; set '{settingKey}'");
    }
}
