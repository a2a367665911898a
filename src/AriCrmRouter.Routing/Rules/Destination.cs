namespace AriCrmRouter.Routing.Rules;

/// <summary>Where a call is sent: a queue, IVR, extension or voicemail box by number, or a recording by name.</summary>
public sealed record Destination(DestinationType Type, string Target)
{
    public override string ToString() => $"{Type.ToWireName()}:{Target}";
}

public enum DestinationType
{
    Queue,
    Ivr,
    Extension,
    Voicemail,
    Recording,
}

public static class DestinationTypeNames
{
    public static string ToWireName(this DestinationType type) => type switch
    {
        DestinationType.Queue => "queue",
        DestinationType.Ivr => "ivr",
        DestinationType.Extension => "extension",
        DestinationType.Voicemail => "voicemail",
        DestinationType.Recording => "recording",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool TryParse(string? name, out DestinationType type) => WireNames.TryParse(name, ToWireName, out type);
}
