using AriCrmRouter.Crm.Connectors;
using AriCrmRouter.Crm.Http;
using AriCrmRouter.Routing.Evaluation;

namespace AriCrmRouter.Admin.Connections;

/// <summary>A connection test's outcome: the lines of the trace (secrets already masked).</summary>
public sealed record ConnectionTestResult(bool Succeeded, IReadOnlyList<string> Lines);

/// <summary>
/// <c>crm test</c> and the web admin's Test button: checks a stored connection with its connector's <c>Validate</c>, then makes one real
/// lookup and reports every HTTP attempt (URLs with secrets masked, status, time) and the outcome.
/// Every line passes through a <see cref="SecretRedactor"/>.
/// </summary>
public static class CrmConnectionTest
{
    public static async Task<ConnectionTestResult> RunAsync(
        CrmConnection connection,
        CrmConnectorRegistry connectors,
        CrmLookupRequest request,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(connectors);
        ArgumentNullException.ThrowIfNull(request);
        var redactor = new SecretRedactor(connection);
        var lines = new List<string>();
        void Write(string line) => lines.Add(redactor.Redact(line));

        Write($"Connection: {connection.Name} ({connection.Kind})");
        Write(request.ByKey
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
            Write($"Outcome: failure ({ex.Kind}): {ex.Message}");
            return new ConnectionTestResult(false, lines);
        }

        if (problems.Count > 0)
        {
            Write($"Settings: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}:");
            foreach (var problem in problems)
            {
                Write($"  {problem}");
            }

            Write("Outcome: not tried (fix the connection with 'crm add')");
            return new ConnectionTestResult(false, lines);
        }

        Write("Settings: ok");
        using var trace = CrmTrace.Begin();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        string outcomeLine;
        bool succeeded;
        try
        {
            var outcome = await connector.LookupAsync(connection, request, deadline.Token);
            (outcomeLine, succeeded) = outcome switch
            {
                LookupOutcome.FoundValue found => ($"Outcome: value \"{found.Value}\"", true),
                LookupOutcome.LookupFailure failure => ($"Outcome: failure: {failure.Reason}", false),
                _ => ("Outcome: not found", true),
            };
        }
        catch (CrmLookupException ex)
        {
            (outcomeLine, succeeded) = ($"Outcome: failure ({ex.Kind}): {ex.Message}{RetryAfterText(ex)}", false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            (outcomeLine, succeeded) = ($"Outcome: failure ({CrmFailureKind.Unavailable}): no answer within {timeout.TotalSeconds:0.#} s", false);
        }

        var steps = trace.Steps;
        Write(steps.Count == 0 ? "HTTP: no requests" : $"HTTP: {steps.Count} request{(steps.Count == 1 ? "" : "s")}");
        for (var i = 0; i < steps.Count; i++)
        {
            Write($"  {i + 1}. {steps[i]}");
        }

        Write(outcomeLine);
        return new ConnectionTestResult(succeeded, lines);
    }

    private static string RetryAfterText(CrmLookupException failure) =>
        failure.RetryAfter is { } wait ? $" (the CRM asked to wait {wait.TotalSeconds:0.#} s)" : "";
}
