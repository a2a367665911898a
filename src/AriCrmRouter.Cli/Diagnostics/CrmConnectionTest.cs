using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Crm.Http;
using AriCrmRouter.Routing.Evaluation;

namespace AriCrmRouter.Cli.Diagnostics;

/// <summary>
/// <c>crm test</c>: checks a stored connection with its connector's <c>Validate</c>, then makes one real
/// lookup and reports every HTTP attempt (URLs with secrets masked, status, time) and the outcome.
/// Everything printed passes through a <see cref="SecretRedactor"/>.
/// </summary>
internal static class CrmConnectionTest
{
    public static async Task<int> RunAsync(
        CrmConnection connection,
        CrmConnectorRegistry connectors,
        CrmLookupRequest request,
        TimeSpan timeout,
        TextWriter output,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(connectors);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        var redactor = new SecretRedactor(connection);
        async Task Write(string line) => await output.WriteLineAsync(redactor.Redact(line));

        await Write($"Connection: {connection.Name} ({connection.Kind})");
        await Write(request.ByKey
            ? $"Lookup: module {request.Module}, field {request.Field}, where {request.KeyField} = {request.Dtmf}"
            : $"Lookup: module {request.Module}, field {request.Field}, by caller number {request.CallerNumber}");

        ICrmConnector connector;
        IReadOnlyList<string> problems;
        try
        {
            connector = connectors.Get(connection.Kind);
            problems = connector.Validate(connection);
        }
        catch (CrmLookupException ex)
        {
            await Write($"Outcome: failure ({ex.Kind}): {ex.Message}");
            return ExitCodes.Problem;
        }

        if (problems.Count > 0)
        {
            await Write($"Settings: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}:");
            foreach (var problem in problems)
            {
                await Write($"  {problem}");
            }

            await Write("Outcome: not tried (fix the connection with 'crm add')");
            return ExitCodes.Problem;
        }

        await Write("Settings: ok");
        using var trace = CrmTrace.Begin();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        string outcomeLine;
        int exitCode;
        try
        {
            var outcome = await connector.LookupAsync(connection, request, deadline.Token);
            (outcomeLine, exitCode) = outcome switch
            {
                LookupOutcome.FoundValue found => ($"Outcome: value \"{found.Value}\"", ExitCodes.Success),
                LookupOutcome.LookupFailure failure => ($"Outcome: failure: {failure.Reason}", ExitCodes.Problem),
                _ => ("Outcome: not found", ExitCodes.Success),
            };
        }
        catch (CrmLookupException ex)
        {
            (outcomeLine, exitCode) = ($"Outcome: failure ({ex.Kind}): {ex.Message}{RetryAfterText(ex)}", ExitCodes.Problem);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            (outcomeLine, exitCode) = ($"Outcome: failure ({CrmFailureKind.Unavailable}): no answer within {timeout.TotalSeconds:0.#} s", ExitCodes.Problem);
        }

        var steps = trace.Steps;
        await Write(steps.Count == 0 ? "HTTP: no requests" : $"HTTP: {steps.Count} request{(steps.Count == 1 ? "" : "s")}");
        for (var i = 0; i < steps.Count; i++)
        {
            await Write($"  {i + 1}. {steps[i]}");
        }

        await Write(outcomeLine);
        return exitCode;
    }

    private static string RetryAfterText(CrmLookupException failure) =>
        failure.RetryAfter is { } wait ? $" (the CRM asked to wait {wait.TotalSeconds:0.#} s)" : "";
}
