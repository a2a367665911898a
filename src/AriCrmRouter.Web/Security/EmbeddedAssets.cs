using System.Reflection;

namespace AriCrmRouter.Web.Security;

/// <summary>
/// Serves the style sheet and the small script from resources embedded in the assembly, so the process needs
/// no web root on disk wherever it runs (installed, from the build output, or hosted by the tests).
/// </summary>
internal static class EmbeddedAssets
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["admin.css"] = "text/css; charset=utf-8",
        ["admin.js"] = "text/javascript; charset=utf-8",
    };

    public static void MapEmbeddedAssets(this IEndpointRouteBuilder endpoints)
    {
        var assembly = typeof(EmbeddedAssets).Assembly;
        foreach (var (file, contentType) in ContentTypes)
        {
            var bytes = Read(assembly, file);
            endpoints.MapGet("/assets/" + file, (HttpContext context) =>
            {
                context.Response.Headers.CacheControl = "no-cache";
                return Results.Bytes(bytes, contentType);
            }).AllowAnonymous().ExcludeFromDescription();
        }
    }

    private static byte[] Read(Assembly assembly, string file)
    {
        using var stream = assembly.GetManifestResourceStream("AriCrmRouter.Web.wwwroot." + file)
            ?? throw new InvalidOperationException($"The embedded asset {file} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
