namespace AriCrmRouter.Crm.Connectors;

/// <summary>
/// The one base of every vendor connector: the connection is read into a typed settings object (with the
/// service's default region) before anything else, <see cref="Validate"/> reports that read's problems, a lookup
/// refuses an unusable connection before the vendor-specific part runs, and every value it returns keeps
/// <see cref="FieldValueBounds"/>. Sending (<see cref="VendorHttp"/>, <see cref="VendorClient"/>), the mapping of
/// HTTP statuses to <see cref="CrmFailureKind"/> (<see cref="VendorAnswer"/>), refresh on 401
/// (<see cref="Auth.CredentialCache{TCredential}"/>) and rotated refresh tokens (<see cref="Auth.RotatedRefreshTokens"/>)
/// are shared by composition.
/// </summary>
internal abstract class CrmConnector<TSettings>(IOptions<CrmOptions> options) : ICrmConnector
    where TSettings : class, IConnectorSettings<TSettings>
{
    protected CrmOptions Options { get; } = options.Value;

    /// <summary>The kind of the connector's descriptor (declared once, by its settings type).</summary>
    public string Kind => TSettings.Descriptor.Kind;

    public IReadOnlyList<string> Validate(CrmConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        TSettings.Read(connection, Options.DefaultRegion, out var problems);
        return problems;
    }

    public async Task<LookupOutcome> LookupAsync(CrmConnection connection, CrmLookupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(request);
        var settings = TSettings.Read(connection, Options.DefaultRegion, out var problems);
        ConnectionSettingsReader.ThrowIfUnusable(connection, problems);

        // Labels and annotations the vendor part reads besides JsonFieldText keep the same bounds.
        return FieldValueBounds.Require(await LookupAsync(connection, settings!, request, cancellationToken));
    }

    /// <summary>The vendor-specific lookup, with settings known to be usable.</summary>
    protected abstract Task<LookupOutcome> LookupAsync(CrmConnection connection, TSettings settings, CrmLookupRequest request, CancellationToken cancellationToken);
}
