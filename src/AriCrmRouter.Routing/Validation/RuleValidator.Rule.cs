namespace AriCrmRouter.Routing.Validation;

public static partial class RuleValidator
{
    private static void CheckRule(Rule rule, string prefix, List<ValidationProblem> problems)
    {
        var name = string.IsNullOrWhiteSpace(rule.Name) ? null : rule.Name;
        void Add(string member, string reason) => problems.Add(new ValidationProblem(prefix + member, name, reason));

        if (name is null)
        {
            Add("name", "name is required");
        }
        else if (!NamePatterns.RuleName().IsMatch(name))
        {
            Add("name", $"'{ProblemText.Shown(name)}' must start with a letter or digit and contain only letters, digits, '_', '.', '-' (at most {RuleLimits.MaxNameLength})");
        }

        CheckApiName(rule.CrmField, "crmField", required: true, RuleLimits.MaxCrmFieldLength, Add);

        if (!Enum.IsDefined(rule.Location))
        {
            Add("location", "location must be did or ivr");
        }

        if (rule.Greeting is not null)
        {
            if (rule.Location != RuleLocation.Ivr)
            {
                Add("greeting", "a greeting is only allowed on ivr rules (did rules are not answered)");
            }

            CheckSoundName(rule.Greeting, "greeting", Add);
        }

        CheckCrm(rule.Crm, Add);

        if (rule.DefaultDestination is null)
        {
            Add("defaultDestination", "defaultDestination is required");
        }
        else
        {
            CheckDestination(rule.DefaultDestination, "defaultDestination", Add);
        }

        if (!Enum.IsDefined(rule.DefaultVoicemail))
        {
            Add("defaultVoicemail", "defaultVoicemail must be yes, no or notSet");
        }
        else if (rule.DefaultVoicemail == VoicemailPreference.Yes && rule.DefaultDestination?.Type == DestinationType.Recording)
        {
            Add("defaultVoicemail", "a recording has no voicemail box: defaultVoicemail yes needs a queue, ivr, extension or voicemail default destination");
        }

        CheckRows(rule.Rows, Add);
        CheckDtmf(rule.Dtmf, Add);
        CheckLookup(rule.Lookup, Add);
    }

    private static void CheckRows(IReadOnlyList<RuleRow>? rows, Action<string, string> add)
    {
        if (rows is null || rows.Count == 0)
        {
            add("rows", "at least one row is required");
            return;
        }

        if (rows.Count > RuleLimits.MaxRowsPerRule)
        {
            add("rows", $"{rows.Count} rows is more than the limit of {RuleLimits.MaxRowsPerRule}");
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var path = $"rows[{i}]";
            var row = rows[i];
            if (row is null)
            {
                add(path, "row is missing");
                continue;
            }

            if (!Enum.IsDefined(row.Operator))
            {
                add(path + ".operator", "operator must be one of <, >, =, <=, >=");
            }

            if (string.IsNullOrWhiteSpace(row.Value))
            {
                add(path + ".value", "value is required (blank after trimming)");
            }
            else if (row.Value.Length > RuleLimits.MaxRowValueLength)
            {
                add(path + ".value", $"value is longer than {RuleLimits.MaxRowValueLength} characters");
            }

            if (row.Destination is null)
            {
                add(path + ".destination", "destination is required");
            }
            else
            {
                CheckDestination(row.Destination, path + ".destination", add);
            }
        }
    }

    private static void CheckDestination(Destination destination, string path, Action<string, string> add)
    {
        if (!Enum.IsDefined(destination.Type))
        {
            add(path + ".type", "type must be one of queue, ivr, extension, voicemail, recording");
            return;
        }

        if (TargetGrammar.Problem(destination.Type, destination.Target) is { } problem)
        {
            add(path + ".target", problem);
        }
    }

    private static void CheckSoundName(string sound, string path, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(sound))
        {
            add(path, "sound name must not be blank");
        }
        else if (sound.Length > RuleLimits.MaxSoundNameLength || !NamePatterns.SoundName().IsMatch(sound))
        {
            add(path, $"'{ProblemText.Shown(sound)}' is not a valid sound name: up to {RuleLimits.MaxSoundNameLength} of letters, digits, '_', '-', '/', '.'");
        }
        else if (sound.StartsWith('/') || sound.Contains("..", StringComparison.Ordinal))
        {
            add(path, $"'{ProblemText.Shown(sound)}' must be relative to the sounds directory (no leading '/', no '..')");
        }
    }

    private static void CheckApiName(string? value, string path, bool required, int maxLength, Action<string, string> add)
    {
        if (value is null || (required && string.IsNullOrWhiteSpace(value)))
        {
            if (required)
            {
                add(path, $"{path} is required");
            }

            return;
        }

        if (value.Length > maxLength)
        {
            add(path, $"{path} is longer than {maxLength} characters");
        }
        else if (!NamePatterns.ApiName().IsMatch(value))
        {
            add(path, $"'{ProblemText.Shown(value)}' is not a CRM API name: letters, digits, '_' and '.' only");
        }
    }
}
