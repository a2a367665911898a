using AriCrmRouter.SampleCrm;

// Sample "Custom CRM" for AriCrmRouter's demo and end-to-end tests (see docs/stack.md).
//   dotnet run --project samples/AriCrmRouter.SampleCrm -- \
//     --SampleCrm:Port=8443 --SampleCrm:CertificateFile=.stack/ca/localhost.crt --SampleCrm:KeyFile=.stack/ca/localhost.key
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddOptions<SampleCrmOptions>().Bind(builder.Configuration.GetSection(SampleCrmOptions.SectionName));
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, SampleCrmJsonContext.Default));
builder.Services.AddSingleton(TimeProvider.System);

var options = builder.Configuration.GetSection(SampleCrmOptions.SectionName).Get<SampleCrmOptions>() ?? new SampleCrmOptions();
var dataFile = Path.IsPathRooted(options.DataFile) ? options.DataFile : Path.Combine(AppContext.BaseDirectory, options.DataFile);
var customers = await CustomerDirectory.LoadAsync(dataFile, CancellationToken.None);
builder.Services.AddSingleton(customers);
builder.Services.AddSingleton(new CrmState(options.Mode));
builder.Services.AddSingleton<LookupHandler>();

var certificate = ServerCertificate.Load(options, TimeProvider.System);
builder.WebHost.ConfigureKestrel(kestrel =>
    kestrel.Listen(System.Net.IPAddress.Parse(options.ListenAddress), options.Port, listen => listen.UseHttps(certificate)));

var app = builder.Build();
app.MapLookup();
app.MapControl();
app.MapGet("/health", () => Results.Text("ok"));

var logger = app.Services.GetRequiredService<ILogger<CrmState>>();
if (string.IsNullOrEmpty(options.CertificateFile))
{
    Log.EphemeralCertificate(logger);
}

await app.StartAsync();
Log.Started(logger, options.ListenAddress, options.Port, customers.Count, options.Mode);
await app.WaitForShutdownAsync();
