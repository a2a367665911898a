namespace AriCrmRouter.Storage.Secrets;

/// <summary>
/// A stored secret cannot be decrypted, or a secret cannot be encrypted, with the configured key ring. The message
/// names the rule or connection and the key ring, never a secret nor its encrypted form.
/// </summary>
public sealed class SecretUnreadableException : CrmSecretsUnreadableException
{
    public SecretUnreadableException()
    {
    }

    public SecretUnreadableException(string message)
        : base(message)
    {
    }

    public SecretUnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
