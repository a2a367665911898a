namespace AriCrmRouter.Crm;

/// <summary>
/// The CRM project's log events, one owner each: lookups 3001-3099, rotated refresh tokens 4050-4099, then one
/// range per connector (Zoho 4100, Salesforce 4150, HubSpot 4200, Dynamics 4250, Pipedrive 4300, SugarCRM 4400,
/// SuiteCRM 4440, Vtiger 4480, Zendesk 4520, Bullhorn 4560). Never logs caller numbers, answers, codes, tokens,
/// passwords or URLs.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "CRM lookup for rule {Rule} failed: {Reason}")]
    public static partial void LookupFailed(ILogger logger, string rule, string reason);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "CRM answer cache unavailable ({ErrorType}: {Error}); asking the CRM directly")]
    public static partial void CacheUnavailable(ILogger logger, string errorType, string error);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "CRM lookup for rule {Rule} failed unexpectedly")]
    public static partial void LookupCrashed(ILogger logger, Exception exception, string rule);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "CRM connection store unavailable ({Error}); using the last known connection '{Name}'")]
    public static partial void UsingLastKnownConnection(ILogger logger, string name, string error);

    [LoggerMessage(EventId = 4050, Level = LogLevel.Warning, Message = "CRM connection {Connection}: the rotated refresh token could not be read or stored ({Error}); using this router's copy")]
    public static partial void RefreshTokenStoreUnavailable(ILogger logger, string connection, string error);

    [LoggerMessage(EventId = 4051, Level = LogLevel.Debug, Message = "CRM connection {Connection}: another router stored a newer refresh token first; keeping it")]
    public static partial void RefreshTokenStoredElsewhere(ILogger logger, string connection);

    [LoggerMessage(EventId = 4100, Level = LogLevel.Debug, Message = "CRM connection {Connection}: requesting a Zoho access token from {AccountsHost}")]
    public static partial void ZohoRequestingToken(ILogger logger, string connection, string accountsHost);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Zoho access token obtained for {ApiHost}, valid for {Lifetime}")]
    public static partial void ZohoTokenObtained(ILogger logger, string connection, string apiHost, TimeSpan lifetime);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "CRM connection {Connection}: searching Zoho {Module} by {SearchKind}")]
    public static partial void ZohoSearching(ILogger logger, string connection, string module, string searchKind);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Zoho rejected the access token; it will be refreshed once")]
    public static partial void ZohoTokenRejected(ILogger logger, string connection);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Zoho {Module} has no record with a value in {Field}")]
    public static partial void ZohoNotFound(ILogger logger, string connection, string module, string field);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "CRM connection {Connection}: Zoho rate limited the lookup (retry after {RetryAfter})")]
    public static partial void ZohoRateLimited(ILogger logger, string connection, TimeSpan? retryAfter);

    [LoggerMessage(EventId = 4150, Level = LogLevel.Debug, Message = "CRM connection {Connection}: requesting a Salesforce access token ({GrantType}) from {LoginHost}")]
    public static partial void SalesforceRequestingToken(ILogger logger, string connection, string grantType, string loginHost);

    [LoggerMessage(EventId = 4151, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Salesforce access token obtained for {InstanceHost}")]
    public static partial void SalesforceTokenObtained(ILogger logger, string connection, string instanceHost);

    [LoggerMessage(EventId = 4152, Level = LogLevel.Debug, Message = "CRM connection {Connection}: searching Salesforce {Module} with {Language}")]
    public static partial void SalesforceSearching(ILogger logger, string connection, string module, string language);

    [LoggerMessage(EventId = 4153, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Salesforce rejected the session; it will be refreshed once")]
    public static partial void SalesforceSessionRejected(ILogger logger, string connection);

    [LoggerMessage(EventId = 4154, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Salesforce {Module} has no record with a value in {Field}")]
    public static partial void SalesforceNotFound(ILogger logger, string connection, string module, string field);

    [LoggerMessage(EventId = 4155, Level = LogLevel.Warning, Message = "CRM connection {Connection}: Salesforce API request limit reached (retry after {RetryAfter})")]
    public static partial void SalesforceRateLimited(ILogger logger, string connection, TimeSpan? retryAfter);

    [LoggerMessage(EventId = 4200, Level = LogLevel.Debug, Message = "CRM connection {Connection}: refreshing the HubSpot OAuth access token")]
    public static partial void HubSpotRefreshingToken(ILogger logger, string connection);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Debug, Message = "CRM connection {Connection}: HubSpot access token obtained, valid for {Lifetime}")]
    public static partial void HubSpotTokenObtained(ILogger logger, string connection, TimeSpan lifetime);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Debug, Message = "CRM connection {Connection}: searching HubSpot {Module} with {GroupCount} filter groups")]
    public static partial void HubSpotSearching(ILogger logger, string connection, string module, int groupCount);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Debug, Message = "CRM connection {Connection}: HubSpot rejected the access token")]
    public static partial void HubSpotTokenRejected(ILogger logger, string connection);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Debug, Message = "CRM connection {Connection}: HubSpot {Module} has no record with a value in {Field}")]
    public static partial void HubSpotNotFound(ILogger logger, string connection, string module, string field);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Warning, Message = "CRM connection {Connection}: HubSpot rate limited the lookup (retry after {RetryAfter})")]
    public static partial void HubSpotRateLimited(ILogger logger, string connection, TimeSpan? retryAfter);

    [LoggerMessage(EventId = 4206, Level = LogLevel.Debug, Message = "CRM connection {Connection}: reading the option labels of HubSpot property {Module}.{Field}")]
    public static partial void HubSpotReadingOptionLabels(ILogger logger, string connection, string module, string field);

    [LoggerMessage(EventId = 4250, Level = LogLevel.Debug, Message = "CRM connection {Connection}: requesting a Dynamics access token from {TokenHost}")]
    public static partial void DynamicsRequestingToken(ILogger logger, string connection, string tokenHost);

    [LoggerMessage(EventId = 4251, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Dynamics access token obtained, valid for {Lifetime}")]
    public static partial void DynamicsTokenObtained(ILogger logger, string connection, TimeSpan lifetime);

    [LoggerMessage(EventId = 4252, Level = LogLevel.Debug, Message = "CRM connection {Connection}: querying Dynamics {Module} through {Api} by {SearchKind}")]
    public static partial void DynamicsQuerying(ILogger logger, string connection, string module, string api, string searchKind);

    [LoggerMessage(EventId = 4253, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Dynamics rejected the credential")]
    public static partial void DynamicsCredentialRejected(ILogger logger, string connection);

    [LoggerMessage(EventId = 4254, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Dynamics {Module} has no record with a value in {Field}")]
    public static partial void DynamicsNotFound(ILogger logger, string connection, string module, string field);

    [LoggerMessage(EventId = 4255, Level = LogLevel.Warning, Message = "CRM connection {Connection}: Dynamics throttled the lookup (retry after {RetryAfter})")]
    public static partial void DynamicsRateLimited(ILogger logger, string connection, TimeSpan? retryAfter);

    [LoggerMessage(EventId = 4300, Level = LogLevel.Debug, Message = "CRM connection {Connection}: refreshing the Pipedrive OAuth access token")]
    public static partial void PipedriveRefreshingToken(ILogger logger, string connection);

    [LoggerMessage(EventId = 4301, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Pipedrive access token obtained for {ApiHost}, valid for {Lifetime}")]
    public static partial void PipedriveTokenObtained(ILogger logger, string connection, string apiHost, TimeSpan lifetime);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Debug, Message = "CRM connection {Connection}: searching Pipedrive {Module} by {SearchKind}")]
    public static partial void PipedriveSearching(ILogger logger, string connection, string module, string searchKind);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Pipedrive rejected the credential")]
    public static partial void PipedriveCredentialRejected(ILogger logger, string connection);

    [LoggerMessage(EventId = 4304, Level = LogLevel.Debug, Message = "CRM connection {Connection}: Pipedrive {Module} has no record with a value in {Field}")]
    public static partial void PipedriveNotFound(ILogger logger, string connection, string module, string field);

    [LoggerMessage(EventId = 4305, Level = LogLevel.Warning, Message = "CRM connection {Connection}: Pipedrive rate limited the lookup (retry after {RetryAfter})")]
    public static partial void PipedriveRateLimited(ILogger logger, string connection, TimeSpan? retryAfter);

    [LoggerMessage(EventId = 4306, Level = LogLevel.Debug, Message = "CRM connection {Connection}: reading Pipedrive {Module} field definitions")]
    public static partial void PipedriveReadingFields(ILogger logger, string connection, string module);

    [LoggerMessage(EventId = 4400, Level = LogLevel.Debug, Message = "SugarCRM {Connection}: logging in with the password grant")]
    public static partial void SugarCrmPasswordGrant(ILogger logger, string connection);

    [LoggerMessage(EventId = 4401, Level = LogLevel.Debug, Message = "SugarCRM {Connection}: renewing the token with the refresh token")]
    public static partial void SugarCrmRefreshGrant(ILogger logger, string connection);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Information, Message = "SugarCRM {Connection}: the refresh token was refused, logging in with the password")]
    public static partial void SugarCrmRefreshRefused(ILogger logger, string connection);

    [LoggerMessage(EventId = 4403, Level = LogLevel.Debug, Message = "SugarCRM {Connection}: filtering {Module} by {Criterion}")]
    public static partial void SugarCrmFiltering(ILogger logger, string connection, string module, string criterion);

    [LoggerMessage(EventId = 4404, Level = LogLevel.Debug, Message = "SugarCRM {Connection}: {Module} lookup answered {Outcome}")]
    public static partial void SugarCrmAnswered(ILogger logger, string connection, string module, string outcome);

    [LoggerMessage(EventId = 4440, Level = LogLevel.Debug, Message = "SuiteCRM {Connection}: logging in (v4_1)")]
    public static partial void SuiteCrmLegacyLogin(ILogger logger, string connection);

    [LoggerMessage(EventId = 4441, Level = LogLevel.Debug, Message = "SuiteCRM {Connection}: requesting an access token ({GrantType})")]
    public static partial void SuiteCrmTokenRequest(ILogger logger, string connection, string grantType);

    [LoggerMessage(EventId = 4442, Level = LogLevel.Debug, Message = "SuiteCRM {Connection}: searching {Module} by {Criterion} ({Api})")]
    public static partial void SuiteCrmSearching(ILogger logger, string connection, string module, string criterion, string api);

    [LoggerMessage(EventId = 4443, Level = LogLevel.Debug, Message = "SuiteCRM {Connection}: the session was refused ({ErrorName}), logging in again")]
    public static partial void SuiteCrmSessionRefused(ILogger logger, string connection, string errorName);

    [LoggerMessage(EventId = 4444, Level = LogLevel.Debug, Message = "SuiteCRM {Connection}: {Module} lookup answered {Outcome}")]
    public static partial void SuiteCrmAnswered(ILogger logger, string connection, string module, string outcome);

    [LoggerMessage(EventId = 4480, Level = LogLevel.Debug, Message = "Vtiger {Connection}: getchallenge and login")]
    public static partial void VtigerLoggingIn(ILogger logger, string connection);

    [LoggerMessage(EventId = 4481, Level = LogLevel.Debug, Message = "Vtiger {Connection}: querying {Module} by {Criterion}")]
    public static partial void VtigerQuerying(ILogger logger, string connection, string module, string criterion);

    [LoggerMessage(EventId = 4482, Level = LogLevel.Debug, Message = "Vtiger {Connection}: the session was refused ({Code}), logging in again")]
    public static partial void VtigerSessionRefused(ILogger logger, string connection, string code);

    [LoggerMessage(EventId = 4483, Level = LogLevel.Debug, Message = "Vtiger {Connection}: {Module} lookup answered {Outcome}")]
    public static partial void VtigerAnswered(ILogger logger, string connection, string module, string outcome);

    [LoggerMessage(EventId = 4520, Level = LogLevel.Debug, Message = "Zendesk {Connection}: searching {Module} by {Criterion}")]
    public static partial void ZendeskSearching(ILogger logger, string connection, string module, string criterion);

    [LoggerMessage(EventId = 4521, Level = LogLevel.Debug, Message = "Zendesk {Connection}: reading the user's organization")]
    public static partial void ZendeskReadingOrganization(ILogger logger, string connection);

    [LoggerMessage(EventId = 4522, Level = LogLevel.Debug, Message = "Zendesk {Connection}: {Module} lookup answered {Outcome}")]
    public static partial void ZendeskAnswered(ILogger logger, string connection, string module, string outcome);

    [LoggerMessage(EventId = 4560, Level = LogLevel.Debug, Message = "Bullhorn {Connection}: finding the data centre (loginInfo)")]
    public static partial void BullhornLoginInfo(ILogger logger, string connection);

    [LoggerMessage(EventId = 4561, Level = LogLevel.Debug, Message = "Bullhorn {Connection}: loginInfo redirected to another data centre")]
    public static partial void BullhornDataCentreRedirect(ILogger logger, string connection);

    [LoggerMessage(EventId = 4562, Level = LogLevel.Debug, Message = "Bullhorn {Connection}: authorizing the API user")]
    public static partial void BullhornAuthorizing(ILogger logger, string connection);

    [LoggerMessage(EventId = 4563, Level = LogLevel.Debug, Message = "Bullhorn {Connection}: renewing the access token with the refresh token")]
    public static partial void BullhornRefreshing(ILogger logger, string connection);

    [LoggerMessage(EventId = 4564, Level = LogLevel.Information, Message = "Bullhorn {Connection}: the refresh token was refused, authorizing again")]
    public static partial void BullhornRefreshRefused(ILogger logger, string connection);

    [LoggerMessage(EventId = 4565, Level = LogLevel.Warning, Message = "Bullhorn {Connection}: the authorize redirect was followed by the HTTP client; register the client named '{ClientName}' without automatic redirects")]
    public static partial void BullhornAuthorizeRedirectFollowed(ILogger logger, string connection, string clientName);

    [LoggerMessage(EventId = 4566, Level = LogLevel.Debug, Message = "Bullhorn {Connection}: looking up {Module} by {Criterion}")]
    public static partial void BullhornLooking(ILogger logger, string connection, string module, string criterion);

    [LoggerMessage(EventId = 4567, Level = LogLevel.Debug, Message = "Bullhorn {Connection}: {Module} lookup answered {Outcome}")]
    public static partial void BullhornAnswered(ILogger logger, string connection, string module, string outcome);
}
