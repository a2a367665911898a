namespace AriCrmRouter.Crm.Connectors.SuiteCrm;

/// <summary>Which SuiteCRM API a connection talks to (setting <c>api</c>).</summary>
internal enum SuiteCrmApi
{
    /// <summary>SuiteCRM 7.x legacy REST, <c>/service/v4_1/rest.php</c>, session id from <c>login</c>.</summary>
    V4_1,

    /// <summary>SuiteCRM 7.10+ / 8.x JSON:API, <c>{prefix}/Api/V8/module/...</c>, OAuth2 Bearer token.</summary>
    V8,
}
