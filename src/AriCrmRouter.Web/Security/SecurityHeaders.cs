namespace AriCrmRouter.Web.Security;

/// <summary>Headers on every answer: no framing, no sniffing, scripts and styles only from this server.</summary>
internal static class SecurityHeaders
{
    public static Task AddAsync(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'";
        return next();
    }
}
