using System.CommandLine;

var root = new RootCommand("Administer AriCrmRouter: rules, DID assignments, CRM connections.");
return await root.Parse(args).InvokeAsync();
