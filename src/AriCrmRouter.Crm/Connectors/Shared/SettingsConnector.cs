using AriCrmRouter.Routing.Evaluation;
using Microsoft.Extensions.Options;

namespace AriCrmRouter.Crm.Connectors.Shared;

/// <summary>
/// A connector whose connection is read into a typed settings object (with the service's default region)
/// before anything else: <see cref="Validate"/> reports that read's problems, and a lookup refuses an unusable
/// connection before the vendor-specific part runs.
/// </summary>
internal abstract class SettingsConnector<TSettings>(IOptions<CrmOptions> options) : ICrmConnector
{
    protected CrmOptions Options { get; } = options.Value;

    public abstract string Kind { get; }

    public IReadOnlyList<string> Validate(CrmConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ReadSettings(connection, Options.DefaultRegion, out var problems);
        return problems;
    }

    public async Task<LookupOutcome> LookupAsync(CrmConnection connection, CrmLookupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(request);
        var settings = ReadSettings(connection, Options.DefaultRegion, out var problems);
        ConnectionSettingsReader.ThrowIfUnusable(connection, problems);

        // Labels and annotations the vendor part reads besides JsonFieldText keep the same bounds.
        return FieldValueBounds.Require(await LookupAsync(connection, settings, request, cancellationToken));
    }

    /// <summary>Reads the connection's settings and secrets; <paramref name="problems"/> is empty when usable.</summary>
    protected abstract TSettings ReadSettings(CrmConnection connection, string serviceRegion, out IReadOnlyList<string> problems);

    /// <summary>The vendor-specific lookup, with settings known to be usable.</summary>
    protected abstract Task<LookupOutcome> LookupAsync(CrmConnection connection, TSettings settings, CrmLookupRequest request, CancellationToken cancellationToken);
}
