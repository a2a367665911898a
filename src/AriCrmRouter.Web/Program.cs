namespace AriCrmRouter.Web;

public static class Program
{
    public static async Task Main(string[] args)
    {
        await using var app = AdminWebApp.Build(args);
        await app.RunAsync();
    }
}
