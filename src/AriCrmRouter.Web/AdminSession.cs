using AriCrmRouter.Admin.Rules;
using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Storage;
using AriCrmRouter.Storage.History;
using AriCrmRouter.Storage.Rules;

namespace AriCrmRouter.Web;

/// <summary>
/// The stores as one signed-in user changes them: every write goes through the change history under the
/// user's name (<c>web:alice</c> from the pages, <c>api:alice</c> from the REST API).
/// </summary>
internal sealed class AdminSession(RedisRuleStore rules, ICrmConnectionStore connections, RedisChangeHistory history, IHttpContextAccessor http)
{
    public string Actor
    {
        get
        {
            var user = http.HttpContext?.User.Identity;
            var channel = user?.AuthenticationType == Security.ApiTokenHandler.SchemeName ? "api" : "web";
            return $"{channel}:{user?.Name ?? "anonymous"}";
        }
    }

    public RuleAdministration Rules => new(history.Recording(rules, Actor));

    public ICrmConnectionStore Connections => history.Recording(connections, Actor);

    public RedisChangeHistory History => history;
}
