using AriCrmRouter.Admin.Rules;
using AriCrmRouter.Routing.Validation;

namespace AriCrmRouter.Web.Api;

/// <summary>Status codes that say what went wrong: 400 with the problem list, 404, 409 on a concurrent change.</summary>
internal static class ApiResults
{
    public static IResult Invalid(string title, IEnumerable<ValidationProblem> problems) => Results.Problem(
        title: title,
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?>
        {
            ["problems"] = problems.Select(p => new ProblemItem(p.Path, p.Rule, p.Reason)).ToList(),
        });

    public static IResult Invalid(string title, IEnumerable<string> problems) =>
        Invalid(title, problems.Select(p => new ValidationProblem("", null, p)));

    public static IResult NotFound(string detail) => Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static IResult Change(RuleChange change)
    {
        if (change.Succeeded)
        {
            return Results.Ok(new VersionResult(change.Version));
        }

        if (change.Conflict)
        {
            return Results.Problem(detail: change.Refusal, statusCode: StatusCodes.Status409Conflict, title: "Concurrent change");
        }

        return change.Problems.Count > 0
            ? Invalid("The resulting rule set would be invalid; nothing was written", change.Problems)
            : Invalid("The change was refused; nothing was written", [change.Refusal ?? "refused"]);
    }

    /// <summary>The version an <c>If-Match</c> header names (<c>"12"</c> or <c>12</c>), when given.</summary>
    public static long? ExpectedVersion(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim().Trim('"');
        return long.TryParse(header, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var version) ? version : null;
    }

    public static void SetVersion(HttpResponse response, long version) =>
        response.Headers.ETag = $"\"{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}\"";
}
