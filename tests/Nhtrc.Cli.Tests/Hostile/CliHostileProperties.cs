using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Cli.Tests.Commands;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Tests.Hostile;
using Nhtrc.Sdk.Triage;

namespace Nhtrc.Cli.Tests.Hostile;

/// <summary>One generated nhtrc run: its arguments, its stdin, and the files it reads (written before the run).</summary>
public sealed record CliCase(string Kind, string[] Args, string Stdin, IReadOnlyList<(string Name, byte[] Bytes)> Files, string Description)
{
    /// <summary>What FsCheck prints for a failing case (long values shortened).</summary>
    public override string ToString() =>
        $"{Kind}: nhtrc {string.Join(' ', Args.Select(a => a.Length > 60 ? a[..20] + $"...({a.Length} chars)" : a))} ({Description})";
}

/// <summary>
/// Every nhtrc command run in-process (<c>Program.Run</c>) on generated hostile input: mutated documents as files
/// (<c>--directory</c>, <c>--policy</c>, <c>--rules</c>, <c>validate</c>), mutated contacts on stdin or as a file to
/// <c>triage</c>, mutated request lines to <c>deadline</c>, hostile option values to <c>match</c>, <c>holidays</c>,
/// <c>triage --at</c> and <c>validate --kind</c>. The exit code is 0 or 2 (1 is only for environment failures,
/// which an in-process run with readable files has none of; 70 is a bug), stderr holds no stack trace
/// (<c>"   at "</c>, <c>".cs:line"</c>) nor a personal-data value of the seed contact, no exception escapes, and the
/// run ends within 10 s. Known failures: <see cref="KnownFailures"/>.
/// </summary>
public sealed class CliHostileProperties
{
    private const int Cases = 120;

    private const string Request = "{\"receivedAt\":\"2026-07-02T22:59:00Z\",\"channel\":\"email\",\"urgency\":\"nonUrgent\"}";

    /// <summary>A contact with personal data that must never reach stderr.</summary>
    private const string Contact = """{"id":"c-hostile","receivedAt":"2026-07-02T22:59:00Z","channel":"phone","requestKind":"crisis","referralNeeds":["housing","legalServices"],"caller":{"role":"possibleVictim","anonymous":false,"preferredLanguage":"es","personalData":{"name":"Quintessa Varghesewood","phone":"+1-713-555-0177","email":"quintessa.v@example.org","address":"4411 Marrowbone Lane, Houston","narrative":"Zephyrine overheard the foreman at the Marrowbone site"},"location":{"zip":"77002"}},"signals":{"immediateDanger":true,"traffickingType":"labor"}}""";

    private static readonly string[] Secrets =
        ["Quintessa", "Varghesewood", "713-555-0177", "7135550177", "quintessa.v@example.org", "Marrowbone", "Zephyrine", "overheard the foreman"];

    private static readonly Lazy<(string Kind, string Name, string Json)[]> Seeds = new(() =>
    [
        ("contact", "Contact", Contact),
        ("policy", "DocumentFiles.Policy", DocumentFiles.Policy),
        ("policy", "ResponsePolicy.NhtrcDefault", ResponsePolicyJson.Serialize(ResponsePolicy.NhtrcDefault)),
        ("rules", "DocumentFiles.Rules", DocumentFiles.Rules),
        ("rules", "TriageRules.NhtrcDefault", TriageRulesJson.Serialize(TriageRules.NhtrcDefault)),
        ("directory", "ReferralDirectoryFiles.Valid", ReferralDirectoryFiles.Valid),
        ("calendar", "DocumentFiles.Calendar", DocumentFiles.Calendar),
        ("calendar", "NhtrcDefault.BusinessCalendar", ServiceCalendarJson.Serialize(ResponsePolicy.NhtrcDefault.BusinessCalendar)),
    ]);

    /// <summary>Hostile option values: numbers at and past every limit, bad instants, text that is not text, huge text.</summary>
    private static readonly string[] HostileValues =
    [
        "", " ", "-1", "0", "1", "1001", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "1e308", "-1e308", "NaN", "Infinity",
        "-Infinity", "-0", "90", "-90", "91", "180", "-180", "181", "0x10", "1,5", "٣", "\ud800", "a\udfffb", "\0", new string('7', 100_000),
        "0000-01-01T00:00:00Z", "-0001-12-31T00:00:00Z", "1000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "10000-01-01T00:00:00Z",
        "2026-02-30T00:00:00Z", "2026-07-02T22:59:00", "2026-07-02T22:59:00+02:00", "--json", "-", "-h", "--", "5-3", "125-126", "0-0",
        "housing", "HOUSING", "tx", "XX", "48201", "00000", "99999", "77002", "es-MX", "x-klingon", "und", "female", "both",
    ];

    private static readonly string[] MatchOptions =
        ["--zip", "--state", "--county", "--lat", "--lon", "--need", "--age", "--gender", "--trafficking", "--status", "--language", "--at", "--top"];

    private static readonly string[] Kinds = ["directory", "policy", "rules", "contact", "calendar"];

    private static int _fileNumber;

    [Property(MaxTest = Cases)]
    public Property EveryCommand_OnHostileInput_ExitsZeroOrTwo_WithoutAStackTrace() =>
        Prop.ForAll(Generate().ToArbitrary(), c => HostileCheck.Conclude("cli-" + c.Kind, c.Kind, c.ToString(), Run(c)));

    private static Gen<CliCase> Generate() =>
        from command in Gen.Choose(0, 8)
        from seed in Gen.Choose(0, 1 << 20)
        from node in Gen.Choose(0, 1 << 20)
        from mutation in HostileMutations
        from variant in Gen.Choose(0, JsonMutator.Variants)
        from option in Gen.Choose(0, 1 << 20)
        from value in Gen.Elements(HostileValues)
        from value2 in Gen.Elements(HostileValues)
        select Build(command, seed, node, mutation, variant, option, value, value2);

    /// <summary>As the SDK suite: an oversized array a third as often as each other mutation.</summary>
    private static Gen<MutationKind> HostileMutations { get; } =
        Gen.Frequency([.. Enum.GetValues<MutationKind>().Select(m => (m == MutationKind.Oversized ? 1 : 3, Gen.Constant(m)))]);

    private static HostileCase Mutated(string kind, int seed, int node, MutationKind mutation, int variant)
    {
        var seeds = Seeds.Value.Where(s => s.Kind == kind).ToArray();
        var s = seeds[seed % seeds.Length];
        return JsonMutator.Mutate(kind, s.Name, s.Json, mutation, node, variant);
    }

    private static CliCase Build(int command, int seed, int node, MutationKind mutation, int variant, int option, string value, string value2)
    {
        switch (command)
        {
            case 0:
            {
                var kind = Kinds[option % Kinds.Length];
                var doc = Mutated(kind, seed, node, mutation, variant);
                string[] args = option % 3 == 0 ? ["validate", "doc.json"] : ["validate", "doc.json", "--kind", kind];
                return new("validate-" + kind, args, "", [("doc.json", doc.Bytes)], doc.ToString());
            }

            case 1:
            {
                var doc = Mutated("contact", seed, node, mutation, variant);
                return new("triage-file", ["triage", "contact.json", "--json"], "", [("contact.json", doc.Bytes)], doc.ToString());
            }

            case 2:
            {
                var doc = Mutated("contact", seed, node, mutation, variant);
                return new("triage-stdin", ["triage", "-"], Encoding.UTF8.GetString(doc.Bytes), [], doc.ToString());
            }

            case 3:
            {
                var (flag, kind) = (option % 3) switch { 0 => ("--rules", "rules"), 1 => ("--policy", "policy"), _ => ("--directory", "directory") };
                var doc = Mutated(kind, seed, node, mutation, variant);
                return new("triage-" + kind, ["triage", "contact.json", flag, "doc.json"], "",
                    [("contact.json", Encoding.UTF8.GetBytes(Contact)), ("doc.json", doc.Bytes)], doc.ToString());
            }

            case 4:
            {
                var line = Encoding.UTF8.GetString(JsonMutator.Mutate("request", "Request", Request, mutation, node, variant).Bytes).Replace('\n', ' ');
                return new("deadline", ["deadline"], line + "\n" + Request + "\n" + line, [], "request line " + mutation);
            }

            case 5:
            {
                var doc = Mutated("policy", seed, node, mutation, variant);
                return new("deadline-policy", ["deadline", "--policy", "doc.json"], Request + "\n", [("doc.json", doc.Bytes)], doc.ToString());
            }

            case 6:
            {
                // One match option (or --lat/--lon together) with a hostile value, the others valid.
                var name = MatchOptions[option % MatchOptions.Length];
                var args = new List<string> { "match" };
                var place = name is "--zip" or "--state" or "--county" or "--lat" or "--lon";
                if (!place)
                {
                    args.AddRange(["--zip", "77002"]);
                }

                args.AddRange(name switch
                {
                    "--lat" or "--lon" => ["--lat", value, "--lon", value2],
                    "--county" when option % 2 == 0 => ["--state", "TX", "--county", value],
                    _ => [name, value],
                });
                if (name != "--need")
                {
                    args.AddRange(["--need", "housing"]);
                }

                if (option % 4 == 1 && name != "--at")
                {
                    args.AddRange(["--urgent", "--at", "2026-07-02T22:00:00Z"]);
                }

                if (option % 5 == 2)
                {
                    args.Add("--json");
                }

                return new("match", [.. args], "", [], "hostile " + name);
            }

            case 7:
            {
                var doc = Mutated("directory", seed, node, mutation, variant);
                return new("match-directory", ["match", "--zip", "77002", "--need", "emergencyShelter", "--need", "legalServices", "--directory", "doc.json", "--json"],
                    "", [("doc.json", doc.Bytes)], doc.ToString());
            }

            default:
            {
                string[] args = (option % 4) switch
                {
                    0 => ["holidays", "--from", value, "--to", value2],
                    1 => ["holidays", "--from", "2026", "--to", value, "--json"],
                    2 => ["triage", "contact.json", "--at", value],
                    _ => ["validate", "contact.json", "--kind", value],
                };
                return new("options", args, "", [("contact.json", Encoding.UTF8.GetBytes(Contact))], "hostile option values");
            }
        }
    }

    private static Failure? Run(CliCase c)
    {
        var folder = Path.Combine(Path.GetTempPath(), "nhtrc-cli-hostile-" + Environment.ProcessId + "-" + Interlocked.Increment(ref _fileNumber));
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var (name, bytes) in c.Files)
            {
                File.WriteAllBytes(Path.Combine(folder, name), bytes);
            }

            var args = c.Args.Select(a => c.Files.Any(f => f.Name == a) ? Path.Combine(folder, a) : a).ToArray();
            return HostileCheck.Outcome("cli", () =>
            {
                using var stdin = new StringReader(c.Stdin);
                using var stdout = new StringWriter();
                using var stderr = new StringWriter();
                int exit;
                try
                {
                    exit = Program.Run(args, stdin, stdout, stderr);
                }
                catch (Exception e)
                {
                    return new Failure("unhandled", e);
                }

                var errors = stderr.ToString();
                var shortErrors = errors.Length > 400 ? errors[..400] + "..." : errors;
                if (exit is not (0 or 2))
                {
                    return new Failure("exit-" + exit, null, shortErrors);
                }

                if (errors.Contains("   at ", StringComparison.Ordinal) || errors.Contains(".cs:line", StringComparison.Ordinal))
                {
                    return new Failure("stack-trace", null, shortErrors);
                }

                var leaked = Secrets.FirstOrDefault(s => errors.Contains(s, StringComparison.OrdinalIgnoreCase));
                return leaked is null ? null : new Failure("stderr-message", null, "stderr holds the personal-data value '" + leaked + "'");
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
