namespace AriCrmRouter.Crm.Connectors;

/// <summary>
/// The one base of every vendor connector: the connection is read into a typed settings object (with the
/// service's default region) before anything else, <see cref="Validate"/> reports that read's problems, a lookup
/// refuses an unusable connection before the vendor-specific part runs, and every value it returns keeps
/// <see cref="FieldValueBounds"/>. Sending (<see cref="Crm"/>), the events every connector logs with the vendor's
/// name, a rejected credential and a rate limit (<see cref="Events"/>), the mapping of HTTP statuses to
/// <see cref="CrmFailureKind"/> (<see cref="VendorAnswer"/>), refresh on 401
/// (<see cref="Auth.CredentialCache{TCredential}"/>) and rotated refresh tokens (<see cref="Auth.RotatedRefreshTokens"/>)
/// are shared by composition.
/// </summary>
internal abstract class CrmConnector<TSettings>(VendorClient crm, ILogger logger) : ICrmConnector
    where TSettings : class, IConnectorSettings<TSettings>
{
    /// <summary>The pooled CRM HTTP client, the response bound and the clock.</summary>
    protected VendorClient Crm { get; } = crm ?? throw new ArgumentNullException(nameof(crm));

    protected CrmOptions Options => Crm.Options;

    protected TimeProvider Time => Crm.Time;

    /// <summary>What every connector logs, named with <see cref="CrmConnectorDescriptor.DisplayName"/>.</summary>
    protected ConnectorEvents Events { get; } = new(logger, TSettings.Descriptor.DisplayName);

    /// <summary>The bearer tokens of the connector's connections (for vendors whose credential is an <see cref="AccessToken"/>).</summary>
    private readonly CredentialCache<AccessToken> _accessTokens = new(crm.Time);

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

    /// <summary>
    /// Runs <paramref name="lookup"/> with the connection's cached <see cref="AccessToken"/>, acquiring one when there is
    /// none or it expired, and once more when the CRM rejects it (<see cref="CredentialRejectedException"/>).
    /// </summary>
    protected Task<LookupOutcome> WithAccessTokenAsync(
        CrmConnection connection,
        TSettings settings,
        Func<CrmConnection, TSettings, CancellationToken, Task<AccessToken>> acquire,
        Func<AccessToken, CancellationToken, Task<LookupOutcome>> lookup,
        CancellationToken cancellationToken) =>
        _accessTokens.UseAsync(CredentialKey.For(connection), ct => acquire(connection, settings, ct), lookup, cancellationToken);

    /// <summary>
    /// An OAuth 2 token from <paramref name="tokenUrl"/> (logged with its grant type), valid for the answer's
    /// <c>expires_in</c> or else <paramref name="defaultLifetime"/>, for the API at <paramref name="apiBase"/>.
    /// </summary>
    protected async Task<AccessToken> RequestTokenAsync(
        CrmConnection connection, Uri tokenUrl, Dictionary<string, string> form, TimeSpan? defaultLifetime, Func<OAuthTokenAnswer, Uri?> apiBase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(apiBase);
        Events.RequestingCredential(connection.Name, form["grant_type"], tokenUrl);
        var answer = await Crm.RequestTokenAsync(tokenUrl, form, connection.Name, cancellationToken);
        return Events.CredentialObtained(connection.Name, answer.AccessToken!, answer.Lifetime(defaultLifetime), Time.GetUtcNow(), apiBase(answer));
    }

    /// <summary>The vendor-specific lookup, with settings known to be usable.</summary>
    protected abstract Task<LookupOutcome> LookupAsync(CrmConnection connection, TSettings settings, CrmLookupRequest request, CancellationToken cancellationToken);
}
