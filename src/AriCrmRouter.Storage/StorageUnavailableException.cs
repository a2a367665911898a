namespace AriCrmRouter.Storage;

/// <summary>
/// Redis could not be reached or did not answer in time. The message names the endpoints, never the
/// connection string (it can hold the password) nor any key contents.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
