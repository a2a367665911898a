namespace AriCrmRouter.Crm.Tests.ConnectorSupport;

/// <summary>Adds one response header to another result (Retry-After, rate-limit headers).</summary>
internal sealed class HeaderResult(IResult inner, string name, string value) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers[name] = value;
        return inner.ExecuteAsync(httpContext);
    }
}
