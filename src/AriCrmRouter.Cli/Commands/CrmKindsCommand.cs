using AriCrmRouter.Cli.Output;
using AriCrmRouter.Crm.Connectors;

namespace AriCrmRouter.Cli.Commands;

/// <summary><c>crm kinds [kind]</c>: the CRM kinds a connection can have and the settings and secrets each accepts, from the connectors' descriptors.</summary>
internal static class CrmKindsCommand
{
    public static Command Create(CliContext context)
    {
        var kind = new Argument<string?>("kind") { Description = "Show this kind's settings and secrets", Arity = ArgumentArity.ZeroOrOne };
        return context.Runs(new Command("kinds", "List the CRM kinds, or one kind's settings and secrets (* = required)") { kind }, async (parse, ct) =>
        {
            if (parse.GetValue(kind) is not { Length: > 0 } requested)
            {
                TableWriter.Write(
                    context.Out,
                    ["KIND", "CRM", "REQUIRED"],
                    CrmConnectorCatalog.Stored.Select(d => (IReadOnlyList<string>)
                        [d.Kind, d.DisplayName, string.Join(", ", d.Keys.Where(k => k.IsRequired).Select(k => k.Name))]));
                return ExitCodes.Success;
            }

            if (CrmConnectorCatalog.Find(requested) is not { } descriptor)
            {
                return await context.ProblemAsync($"'{requested}' is not a known CRM kind; known kinds: {string.Join(", ", CrmConnectorCatalog.StoredKinds)}.");
            }

            await context.Out.WriteLineAsync($"{descriptor.Kind}: {descriptor.DisplayName}");
            TableWriter.Write(
                context.Out,
                ["KEY", "TYPE", "DEFAULT", "DESCRIPTION"],
                descriptor.Keys.Select(k => (IReadOnlyList<string>)
                    [k.IsRequired ? k.Name + "*" : k.Name, k.Role, k.Default ?? "", k.Description]));
            return ExitCodes.Success;
        });
    }
}
