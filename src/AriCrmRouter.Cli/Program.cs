using AriCrmRouter.Cli;

var cli = new AdminCli(AdminConsole.System, Environment.GetEnvironmentVariable);
return await cli.RunAsync(args, CancellationToken.None);
