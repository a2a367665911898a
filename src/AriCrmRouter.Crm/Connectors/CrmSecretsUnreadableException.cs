namespace AriCrmRouter.Crm.Connectors;

/// <summary>
/// A CRM's secrets (a connection's, or a custom CRM's header values) are stored but cannot be read with this
/// process's keys. A lookup that meets it fails as misconfigured: the CRM is never asked without its credentials.
/// The message names the connection or rule, never a secret.
/// </summary>
public class CrmSecretsUnreadableException : Exception
{
    public CrmSecretsUnreadableException()
    {
    }

    public CrmSecretsUnreadableException(string message)
        : base(message)
    {
    }

    public CrmSecretsUnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
