using System.Reflection;

namespace AriCrmRouter.Service.Tests;

/// <summary>The checkout the tests were built from (the project file records it), for tests of the files shipped beside the code.</summary>
internal static class RepositoryRoot
{
    public static string Directory { get; } = typeof(RepositoryRoot).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "RepositoryRoot")
        .Value ?? throw new InvalidOperationException("the test project records no RepositoryRoot");
}
