using AriCrmRouter.Routing.Rules;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace AriCrmRouter.Crm.Lookup;

// Asking the CRM: one call through its connector and breaker, every way it can fail named as the call's reason.
public sealed partial class CrmLookupService
{
    private async Task<LookupOutcome> AskCrmAsync(Rule rule, CrmTarget target, CallerInput input, TimeSpan deadline)
    {
        var request = target.Request(rule.CrmField, input);
        try
        {
            return await _breakers.ExecuteAsync(
                target,
                CrmTargets.Label(rule.Crm),
                deadline,
                ct => target.Connector.LookupAsync(target.Connection, request, ct),
                _stopping.Token);
        }
        catch (TimeoutRejectedException)
        {
            return Failed(rule, $"no answer within the {deadline.TotalMilliseconds:0} ms deadline");
        }
        catch (BrokenCircuitException)
        {
            return Failed(rule, "circuit open: the CRM failed repeatedly, not asking it for a while");
        }
        catch (CrmLookupException ex)
        {
            return Failed(rule, $"{ex.Kind}: {ex.Message}");
        }
        catch (HttpRequestException ex) when (Http.CrmAddressRefusedException.Find(ex) is { } refused)
        {
            return Failed(rule, $"{nameof(CrmFailureKind.Configuration)}: {refused.Message}");
        }
        catch (HttpRequestException ex)
        {
            return Failed(rule, $"{nameof(CrmFailureKind.Unavailable)}: {ex.HttpRequestError}");
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return Failed(rule, "the router is shutting down");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LookupCrashed(_logger, ex, rule.Name);
            return Failed(rule, $"unexpected {ex.GetType().Name}");
        }
    }
}
