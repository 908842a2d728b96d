// The Native AOT proof (docs/native-aot.md): a triage, a deadline and a match through the SDK's services, options bound
// from appsettings.json, results written through the SDK's source-generated JSON, and an Open Referral (HSDS 3.0) round
// trip checked against the official schemas. .ci/run publishes it with Native AOT, runs the native binary and the JIT
// build, and fails on any difference between their outputs, so everything printed is deterministic: the contact's
// receipt instant and fixed instants, never "now".
// Usage: NativeAot samples/contacts/crisis.json
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nhtrc.Sdk;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.OpenReferral;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.ResponseTimes;
using NodaTime;

var file = args.FirstOrDefault(a => !a.StartsWith('-'));
if (file is null)
{
    Console.Error.WriteLine("Usage: NativeAot CONTACT.json");
    return 2;
}

// Options from appsettings.json (section "Nhtrc") through the configuration binding generator; starting the host
// validates them ([OptionsValidator], ValidateOnStart).
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddNhtrc(builder.Configuration.GetSection(NhtrcOptions.SectionName));
using var host = builder.Build();
await host.StartAsync();

// Which build this is goes to stderr: stdout is what the two builds must agree on.
Console.Error.WriteLine($"runtime: {(System.Runtime.JitInfo.GetCompiledMethodCount() > 0 ? "jit" : "native aot")}");

// A triage: the contact read through the SDK's contact JSON, triaged at its receipt.
var contact = ContactJson.Parse(await File.ReadAllTextAsync(file));
var pipeline = host.Services.GetRequiredService<ContactPipeline>();
var directory = host.Services.GetRequiredService<ReferralDirectoryHolder>().Current
    ?? throw new InvalidOperationException("the embedded sample directory is loaded from the start");
var outcome = pipeline.Process(contact, directory, contact.ReceivedAt);
Console.WriteLine($"contact: {contact.Id}");
Console.WriteLine($"urgency: {outcome.Triage.Urgency}");
Console.WriteLine($"queue: {outcome.Triage.Queue}");
Console.WriteLine($"deadline: target {outcome.Triage.Deadline.TargetBy}, due {outcome.Triage.Deadline.DueBy}");
Console.WriteLine($"  {outcome.Triage.Deadline.Explanation}");
foreach (var escalation in outcome.Triage.Escalations)
{
    Console.WriteLine($"escalation: {escalation}");
}

// A match: the pipeline's referrals from the embedded fictional directory.
var matches = outcome.Referrals.Result?.Matches ?? [];
foreach (var match in matches)
{
    Console.WriteLine($"referral: {match}");
}

if (outcome.Referrals.NotSearchedReason is { } reason)
{
    Console.WriteLine($"referrals not searched: {reason}");
}

// A deadline: the policy's own, and the same through the registered service (the policy bound from the options).
var received = Instant.FromUtc(2026, 7, 2, 22, 59);
var deadline = ResponsePolicy.NhtrcDefault.ComputeDeadline(received, ContactChannel.Email, Urgency.NonUrgent);
Console.WriteLine($"email deadline: target {deadline.TargetBy}, due {deadline.DueBy}");
Console.WriteLine($"  {deadline.Explanation}");
var service = host.Services.GetRequiredService<ResponseTimeService>();
Console.WriteLine($"service deadline json: {ResponseDeadlineJson.Serialize(service.ComputeDeadline(received, ContactChannel.Email, Urgency.NonUrgent))}");

// The source-generated JSON facades.
Console.WriteLine($"outcome json: {ContactOutcomeJson.Serialize(outcome)}");
Console.WriteLine($"redacted contact json: {ContactJson.SerializeRedacted(contact)}");

// Open Referral: the matched organizations exported as HSDS 3.0, checked against the official schemas (JsonSchema.Net),
// imported back and matched again.
var organizations = matches.Select(m => m.OrganizationId).Distinct(StringComparer.Ordinal).Select(directory.GetOrganization);
var subset = ReferralDirectory.Create(organizations, directory.Gazetteer);
var hsds = HsdsExport.ToJson(subset);
using (var stream = new MemoryStream(Encoding.UTF8.GetBytes(hsds)))
{
    var check = await HsdsFeedCheck.CheckStreamAsync(stream, "matched-organizations.json");
    Console.WriteLine($"hsds export: {subset.Organizations.Length} organizations, {Encoding.UTF8.GetByteCount(hsds)} bytes, valid: {check.IsValid}, records: {string.Join(", ", check.Records.Select(r => $"{r.Key} {r.Value}"))}");
    foreach (var problem in check.Problems)
    {
        Console.WriteLine($"hsds problem: {problem}");
    }
}

// A folder of its own, so the file's name (which the import report shows) is the same in every run.
var folder = Directory.CreateTempSubdirectory("nhtrc-native-aot-");
try
{
    var hsdsFile = Path.Combine(folder.FullName, "matched-organizations.json");
    await File.WriteAllTextAsync(hsdsFile, hsds);
    var load = await new HsdsDirectorySource(hsdsFile).LoadAsync();
    Console.WriteLine($"hsds import: {string.Join(", ", load.Report.Counts.Select(c => $"{c.Key} {c.Value}"))}");
    foreach (var issue in load.Report.Issues)
    {
        Console.WriteLine($"hsds import issue: {issue}: {issue.Message}");
    }

    // A public export writes a confidential shelter's location without address or point, so that match has no
    // distance here.
    var again = pipeline.Process(contact, load.Directory, contact.ReceivedAt);
    foreach (var match in again.Referrals.Result?.Matches ?? [])
    {
        Console.WriteLine($"hsds referral: {match}");
    }
}
finally
{
    folder.Delete(recursive: true);
}

await host.StopAsync();
return 0;
