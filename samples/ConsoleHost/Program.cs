// A host that embeds Nhtrc.Sdk the way a hotline application would: options from appsettings.json (section "Nhtrc"),
// the SDK's services from the container, and one contact triaged with its deadline and referral matches. The SDK's logs
// go to the console logger (its Debug events are enabled in appsettings.json), and its metrics and spans to
// OpenTelemetry's console exporter: spans as each ends, metrics when the host is disposed. None holds personal data.
// Usage: dotnet run --project samples/ConsoleHost -- samples/contacts/crisis.json
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nhtrc.Sdk;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

// The content root is the app's folder, where appsettings.json is copied; files named in the options resolve against it.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddNhtrc(builder.Configuration.GetSection(NhtrcOptions.SectionName));

// The SDK's meter and activity source, by name; any OpenTelemetry exporter (OTLP, Prometheus) is added the same way.
builder.Services.AddOpenTelemetry()
    .WithMetrics(metrics => metrics.AddMeter(NhtrcTelemetry.MeterName).AddConsoleExporter())
    .WithTracing(tracing => tracing.AddSource(NhtrcTelemetry.ActivitySourceName).AddConsoleExporter());
using var host = builder.Build();

// Starting the host validates the options (a bad file or value stops it here, naming its configuration path).
await host.StartAsync();
var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ConsoleHost");

var file = args.FirstOrDefault(a => !a.StartsWith('-')) ?? throw new ArgumentException("Usage: ConsoleHost CONTACT.json");
var contact = ContactJson.Parse(await File.ReadAllTextAsync(file));
var pipeline = host.Services.GetRequiredService<ContactPipeline>();
var directory = host.Services.GetRequiredService<ReferralDirectoryHolder>().Current;

// Triage at the contact's receipt, so the output does not depend on today's date.
var outcome = pipeline.Process(contact, directory, contact.ReceivedAt);
logger.LogInformation("Processed a contact: {Urgency}, {Matches} referral matches", outcome.Triage.Urgency, outcome.Referrals.Result?.Matches.Length ?? 0);

Console.WriteLine($"urgency: {outcome.Triage.Urgency}");
Console.WriteLine($"deadline: target {outcome.Triage.Deadline.TargetBy}, due {outcome.Triage.Deadline.DueBy}");
Console.WriteLine($"  {outcome.Triage.Deadline.Explanation}");
foreach (var escalation in outcome.Triage.Escalations)
{
    Console.WriteLine($"escalation: {escalation}");
}

foreach (var match in outcome.Referrals.Result?.Matches ?? [])
{
    Console.WriteLine($"referral: {match}");
}

if (outcome.Referrals.NotSearchedReason is { } reason)
{
    Console.WriteLine($"referrals not searched: {reason}");
}

await host.StopAsync();
