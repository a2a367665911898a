using AriCrmRouter.Crm.CustomCrm;
using AriCrmRouter.Routing.Rules;
using Microsoft.Extensions.Logging.Abstractions;

namespace AriCrmRouter.Crm.Lookup;

/// <summary>
/// The one place that maps a rule's CRM (<see cref="CrmSource"/>) to a connector: a custom CRM goes to the
/// <see cref="CustomCrmConnector"/> with the rule's URL and headers as its connection; an integration to its
/// stored connection's connector.
/// </summary>
public sealed class CrmTargets(
    CustomCrmConnector customCrm,
    CrmConnectorRegistry connectors,
    ICrmConnectionStore connections,
    IOptions<CrmOptions>? options = null,
    TimeProvider? timeProvider = null,
    ILogger<CrmTargets>? logger = null)
{
    private readonly RecentConnections _connections = new(
        connections, options ?? Options.Create(new CrmOptions()), timeProvider ?? TimeProvider.System, logger ?? (ILogger)NullLogger.Instance);

    /// <summary>The CRM's name in metrics: the custom CRM's host and port, or the connection name.</summary>
    public static string Label(CrmSource source) => source switch
    {
        CustomCrmSource custom => $"{custom.Url.Host}:{custom.Url.Port}",
        IntegrationCrmSource integration => integration.Connection,
        _ => "unknown",
    };

    /// <summary>Throws <see cref="CrmLookupException"/> when the rule's CRM cannot be asked (no connection, unreadable headers).</summary>
    public async Task<CrmTarget> ResolveAsync(Rule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        switch (rule.Crm)
        {
            case CustomCrmSource custom:
                return new CrmTarget(
                    customCrm,
                    CustomCrmConnector.ConnectionFor(custom),
                    Module: "",
                    KeyField: null,
                    BreakerKey: $"custom:{custom.Url.GetLeftPart(UriPartial.Authority)}",
                    ["custom", custom.Url.AbsoluteUri, custom.UsePost ? "post" : "get", .. LookupCacheKey.Pairs(custom.Headers, StringComparer.OrdinalIgnoreCase, lowerCaseNames: true)])
                {
                    // The custom CRM is told the dialed number, so its answer may depend on it.
                    DidInCacheKey = true,
                };

            case IntegrationCrmSource integration:
                var connection = await FindConnectionAsync(integration, cancellationToken);
                return new CrmTarget(
                    connectors.Get(connection.Kind),
                    connection,
                    integration.Module,
                    integration.KeyField,
                    BreakerKey: $"connection:{integration.Connection}",
                    [
                        "integration", integration.Connection.ToUpperInvariant(), integration.Module, integration.KeyField ?? "", connection.Kind,
                        .. LookupCacheKey.Pairs(connection.Settings, StringComparer.Ordinal, lowerCaseNames: false),
                        .. LookupCacheKey.Pairs(connection.Secrets, StringComparer.Ordinal, lowerCaseNames: false),
                    ]);

            case UnreadableCustomCrmSource unreadable:
                // The CRM's credentials cannot be decrypted: asking it without them could route on a wrong answer.
                throw new CrmLookupException(CrmFailureKind.Configuration, $"the custom CRM headers cannot be decrypted ({unreadable.Reason})");

            default:
                throw new CrmLookupException(CrmFailureKind.Configuration, $"rule '{rule.Name}' has no CRM");
        }
    }

    /// <summary>The integration rule's connection (its settings are part of the cache key).</summary>
    private async Task<CrmConnection> FindConnectionAsync(IntegrationCrmSource integration, CancellationToken cancellationToken) =>
        await _connections.FindAsync(integration.Connection, cancellationToken)
            ?? throw new CrmLookupException(CrmFailureKind.Configuration, $"CRM connection '{integration.Connection}' does not exist");
}
