namespace AriCrmRouter.Routing.Tests.Rules;

/// <summary>The edges of the one target grammar; the end-to-end TargetGrammarTests run the same edges through the real dialplan.</summary>
public class TargetGrammarTests
{
    private static readonly string Longest = "ivr64" + new string('x', 59);

    [Theory]
    [InlineData(DestinationType.Extension, "5")]
    [InlineData(DestinationType.Extension, "1003")]
    [InlineData(DestinationType.Extension, "alice")]
    [InlineData(DestinationType.Voicemail, "sales")]
    [InlineData(DestinationType.Queue, "sales-eu_2")]
    [InlineData(DestinationType.Queue, "S")]
    [InlineData(DestinationType.Ivr, "700")]
    [InlineData(DestinationType.Recording, "custom/closed-today")]
    public void Problem_TargetInsideTheGrammar_Null(DestinationType type, string target)
    {
        Assert.Null(TargetGrammar.Problem(type, target));
    }

    [Fact]
    public void Problem_SixtyFourCharacters_NullAndOneMoreIsAProblem()
    {
        Assert.Equal(64, Longest.Length);
        Assert.Null(TargetGrammar.Problem(DestinationType.Ivr, Longest));
        Assert.NotNull(TargetGrammar.Problem(DestinationType.Ivr, Longest + "x"));
    }

    [Theory]
    [InlineData(DestinationType.Extension, "+442079460018", "outside numbers")]
    [InlineData(DestinationType.Extension, "*97", "feature codes")]
    [InlineData(DestinationType.Voicemail, "#1", "not a valid voicemail target")]
    [InlineData(DestinationType.Queue, "_X.", "starting with a letter or digit")]
    [InlineData(DestinationType.Queue, "-500", "starting with a letter or digit")]
    [InlineData(DestinationType.Queue, "sales.eu", "not a valid queue target")]
    [InlineData(DestinationType.Ivr, "7 00", "not a valid ivr target")]
    [InlineData(DestinationType.Queue, "i", "special extension")]
    [InlineData(DestinationType.Extension, "h", "special extension")]
    [InlineData(DestinationType.Voicemail, "T", "special extension")]
    [InlineData(DestinationType.Queue, "500\n", "not a valid queue target")]
    [InlineData(DestinationType.Recording, "../secret", "relative to the sounds directory")]
    [InlineData(DestinationType.Recording, "welcome message", "not a valid sound name")]
    [InlineData(DestinationType.Queue, " ", "target is required")]
    public void Problem_TargetOutsideTheGrammar_Explains(DestinationType type, string target, string expected)
    {
        Assert.Contains(expected, TargetGrammar.Problem(type, target), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DestinationType.Extension, "*97")]
    [InlineData(DestinationType.Queue, "+44")]
    [InlineData(DestinationType.Queue, "i")]
    public void Validate_TargetOutsideTheGrammar_ReportedAtTheTarget(DestinationType type, string target)
    {
        var problem = Assert.Single(RuleValidator.ValidateRule(Did() with { DefaultDestination = new Destination(type, target) }));

        Assert.Equal("defaultDestination.target", problem.Path);
        Assert.Equal(TargetGrammar.Problem(type, target), problem.Reason);
    }

    [Fact]
    public void Validate_DefaultVoicemailYesOnARecording_Reported()
    {
        var rule = Did() with { DefaultDestination = new Destination(DestinationType.Recording, "vm-goodbye"), DefaultVoicemail = VoicemailPreference.Yes };

        var problem = Assert.Single(RuleValidator.ValidateRule(rule));

        Assert.Equal("defaultVoicemail", problem.Path);
    }

    [Fact]
    public void DefaultDestination_VoicemailWhenNotSetOnARecording_KeepsTheRecording()
    {
        var recording = new Destination(DestinationType.Recording, "vm-goodbye");

        Assert.Equal(recording, RuleEvaluator.DefaultDestination(Did() with { DefaultDestination = recording, DefaultVoicemail = VoicemailPreference.NotSet }, voicemailWhenNotSet: true));
    }
}
