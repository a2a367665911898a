using System.Reflection;
using System.Text.RegularExpressions;
using AriCrmRouter.Crm;
using AriCrmRouter.Storage.Redis;
using AriCrmRouter.Storage.Secrets;
using YamlDotNet.RepresentationModel;

namespace AriCrmRouter.Service.Tests.Deployment;

/// <summary>
/// compose/ cannot run on machines without a Docker engine (CI included), so these tests keep it honest: every
/// file it builds from or mounts exists, every router setting it passes is a real option, and its ports and
/// credentials agree with dialplan-examples.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly string Repo = RepositoryRoot.Directory;
    private static readonly string ComposeDirectory = Path.Combine(Repo, "compose");
    private static readonly YamlMappingNode Services = LoadServices();

    [Fact]
    public void Services_BuildFromDockerfilesThatExist()
    {
        foreach (var (name, service) in EachService())
        {
            if (service.Children.TryGetValue(new YamlScalarNode("build"), out var build))
            {
                var map = (YamlMappingNode)build;
                var context = Path.GetFullPath(Path.Combine(ComposeDirectory, Scalar(map, "context")));
                Assert.True(Directory.Exists(context), $"{name}: build context {context} does not exist");
                var dockerfile = Path.Combine(context, Scalar(map, "dockerfile"));
                Assert.True(File.Exists(dockerfile), $"{name}: {dockerfile} does not exist");
            }
        }
    }

    [Fact]
    public void Services_MountHostPathsThatExist()
    {
        foreach (var (name, service) in EachService())
        {
            foreach (var volume in Sequence(service, "volumes"))
            {
                var source = volume.Split(':')[0];
                if (source.StartsWith('.'))
                {
                    var path = Path.GetFullPath(Path.Combine(ComposeDirectory, source));
                    Assert.True(Directory.Exists(path) || File.Exists(path), $"{name}: mounted {source} does not exist");
                }
            }
        }
    }

    [Fact]
    public void Router_EveryEnvironmentVariableIsARealOption()
    {
        var sections = new Dictionary<string, Type>
        {
            ["Ari"] = typeof(AriOptions),
            ["Redis"] = typeof(RedisOptions),
            ["Crm"] = typeof(CrmOptions),
            ["Routing"] = typeof(RouterOptions),
            ["Observability"] = typeof(ObservabilityOptions),
            ["Secrets"] = typeof(SecretsOptions),
        };
        var environment = Environment("router");
        Assert.NotEmpty(environment);
        foreach (var key in environment.Keys)
        {
            var parts = key.Split("__");
            Assert.True(sections.TryGetValue(parts[0], out var type), $"router: {key} is not in a known section");
            foreach (var part in parts.Skip(1))
            {
                var property = type!.GetProperty(part, BindingFlags.Public | BindingFlags.Instance);
                Assert.True(property is not null, $"router: {key}: {type.Name} has no property {part}");
                type = property!.PropertyType;
            }
        }
    }

    [Fact]
    public void Router_AriCredentialsAndPortMatchTheExampleAsteriskConfiguration()
    {
        var environment = Environment("router");
        var ariConf = File.ReadAllText(Path.Combine(Repo, "dialplan-examples", "ari.conf"));
        var user = environment["Ari__Username"];
        var section = Regex.Match(ariConf, $@"^\[{Regex.Escape(user)}\][^\[]*", RegexOptions.Multiline);
        Assert.True(section.Success, $"ari.conf has no user [{user}]");
        Assert.Matches($@"(?m)^password\s*=\s*{Regex.Escape(environment["Ari__Password"])}\s*$", section.Value);

        var httpConf = File.ReadAllText(Path.Combine(Repo, "dialplan-examples", "http.conf"));
        var port = BindPort().Match(httpConf).Groups[1].Value;
        Assert.Equal(port, new Uri(environment["Ari__BaseUrl"]).Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(Sequence((YamlMappingNode)Services.Children[new YamlScalarNode("asterisk")], "ports"), p => p.EndsWith($":{port}", StringComparison.Ordinal));
        Assert.Equal("crmrouter", environment["Ari__Application"]);
    }

    [Fact]
    public void Router_HealthCheckProbesReadinessOnTheMetricsPortPublishedOnLoopback()
    {
        var environment = Environment("router");
        var router = (YamlMappingNode)Services.Children[new YamlScalarNode("router")];
        var port = environment["Observability__Port"];
        var test = ((YamlSequenceNode)((YamlMappingNode)router.Children[new YamlScalarNode("healthcheck")]).Children[new YamlScalarNode("test")])
            .Children.Select(c => ((YamlScalarNode)c).Value!).ToList();

        Assert.Contains($"http://127.0.0.1:{port}/readyz", test);
        Assert.Equal("0.0.0.0", environment["Observability__ListenAddress"]); // else unreachable through the published port
        Assert.Contains($"127.0.0.1:{port}:{port}", Sequence(router, "ports"));
        Assert.Equal(new ObservabilityOptions().Port.ToString(System.Globalization.CultureInfo.InvariantCulture), port);
    }

    [Fact]
    public void Router_FallbackQueueExistsInTheExampleQueues()
    {
        var environment = Environment("router");
        var queues = File.ReadAllText(Path.Combine(Repo, "dialplan-examples", "queues.conf"));

        Assert.Equal("queue", environment["Routing__Fallback__Type"]);
        Assert.Matches($@"(?m)^\[{Regex.Escape(environment["Routing__Fallback__Target"])}\]", queues);
    }

    [Fact]
    public void Router_TrustsTheCaTheDemoCaJobWritesToTheSharedVolume()
    {
        var caFile = Environment("router")["Crm__ExtraTrustedCaFile"];
        var caVolume = Sequence((YamlMappingNode)Services.Children[new YamlScalarNode("demo-ca")], "volumes").Single().Split(':');

        Assert.StartsWith(caVolume[1] + "/", caFile, StringComparison.Ordinal);
        Assert.Contains(Sequence((YamlMappingNode)Services.Children[new YamlScalarNode("router")], "volumes"), v => v.StartsWith(caVolume[0] + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void Router_ReadsTheKeyRingTheKeyRingJobCreatesInTheSharedVolume()
    {
        var keyRing = Environment("router")["Secrets__KeyRingPath"];
        var job = (YamlMappingNode)Services.Children[new YamlScalarNode("key-ring")];
        var jobVolume = Sequence(job, "volumes").Single();
        var entrypoint = Sequence(job, "entrypoint").ToList();

        Assert.Equal(keyRing, jobVolume.Split(':')[1]);
        Assert.Equal(keyRing, entrypoint[entrypoint.IndexOf("--key-ring") + 1]);
        Assert.Contains(Sequence((YamlMappingNode)Services.Children[new YamlScalarNode("router")], "volumes"), v => v == jobVolume);
    }

    [Fact]
    public void SampleCrm_EveryEnvironmentVariableIsAnOptionOfTheSampleCrm()
    {
        var source = File.ReadAllText(Path.Combine(Repo, "samples", "AriCrmRouter.SampleCrm", "SampleCrmOptions.cs"));
        var properties = OptionProperty().Matches(source).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        foreach (var key in Environment("sample-crm").Keys)
        {
            var parts = key.Split("__");
            Assert.Equal("SampleCrm", parts[0]);
            Assert.Contains(parts[1], properties);
        }
    }

    private static IEnumerable<(string Name, YamlMappingNode Service)> EachService() =>
        Services.Children.Select(c => (((YamlScalarNode)c.Key).Value!, (YamlMappingNode)c.Value));

    private static Dictionary<string, string> Environment(string service)
    {
        var node = (YamlMappingNode)Services.Children[new YamlScalarNode(service)];
        return node.Children.TryGetValue(new YamlScalarNode("environment"), out var env)
            ? ((YamlMappingNode)env).Children.ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => ((YamlScalarNode)c.Value).Value!, StringComparer.Ordinal)
            : [];
    }

    private static IEnumerable<string> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlSequenceNode)value).Children.Select(c => ((YamlScalarNode)c).Value!) : [];

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    private static YamlMappingNode LoadServices()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(ComposeDirectory, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("services")];
    }

    [GeneratedRegex(@"(?m)^bindport\s*=\s*(\d+)")]
    private static partial Regex BindPort();

    [GeneratedRegex(@"public\s+[\w<>?]+\s+(\w+)\s*\{\s*get;\s*set;")]
    private static partial Regex OptionProperty();
}
