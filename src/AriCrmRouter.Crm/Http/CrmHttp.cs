namespace AriCrmRouter.Crm.Http;

/// <summary>The one pooled HTTP client every CRM call goes through (IHttpClientFactory name).</summary>
public static class CrmHttp
{
    public const string ClientName = "crm";
}
