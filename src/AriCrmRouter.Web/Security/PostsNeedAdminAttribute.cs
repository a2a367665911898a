using AriCrmRouter.Storage.Administration;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AriCrmRouter.Web.Security;

/// <summary>
/// For a page that viewers may look at but whose forms change things: every post to it needs the admin role, and a
/// viewer's is forbidden before any handler runs. Declared once on the page, so a handler added later cannot forget it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class PostsNeedAdminAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (HttpMethods.IsPost(context.HttpContext.Request.Method) && !context.HttpContext.User.IsInRole(AdminRoles.Admin))
        {
            context.Result = new ForbidResult();
            return Task.CompletedTask;
        }

        return next();
    }
}
