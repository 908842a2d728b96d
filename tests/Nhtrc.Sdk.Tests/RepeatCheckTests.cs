using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Resources;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Tests;

/// <summary>
/// Repeated items of a list are found in linear time everywhere a list is checked (issue 9: a pairwise check of a
/// hostile document's 100,000-item list is five billion comparisons). Each case below took longer than its 10 s
/// bound with the pairwise checks. (Lists of enum values, such as a rule's channels, were searched with a vectorized
/// IndexOf that stayed within such bounds; they use the same check now.)
/// </summary>
public class RepeatCheckTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    // Short lists (compared in pairs) and long ones (through a set), asked about any increasing indexes.
    [Property(MaxTest = 500)]
    public Property IsRepeat_SaysWhatComparingWithEveryEarlierItemSays() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(0, 40).ListOf()),
            Arb.From(Gen.Choose(0, 3).ListOf()),
            (values, skips) =>
            {
                // Nulls are items too: a value of 0 stands for null.
                var items = values.Select(v => v == 0 ? null : "v" + v).ToList();
                var repeats = new Repeats<string?>(items.ToArray());
                var k = 0;
                foreach (var skip in skips.Append(0))
                {
                    k += skip;
                    if (k >= items.Count)
                    {
                        break;
                    }

                    Assert.Equal(items.IndexOf(items[k]) < k, repeats.IsRepeat(k));
                    k++;
                }
            });

    [Fact]
    public async Task ADirectoryServiceWithAHundredThousandLanguages_IsCheckedInLinearTime()
    {
        var languages = Enumerable.Range(0, 100_000).Select(i => LanguageTag.Parse($"en-{i:D5}")).Append(LanguageTag.Parse("en-00000"));
        var organization = new Organization
        {
            Id = "o",
            Name = "Sample Org (fictional)",
            Kind = OrganizationKind.ServiceProvider,
            Services = [new Service { Id = "s", Name = "S", Types = [ServiceType.Housing], Area = ServiceArea.Nationwide, LastVerified = new LocalDate(2026, 1, 1), Languages = [.. languages] }],
        };

        var e = await Within(() => Assert.Throws<NhtrcValidationException>(() => ReferralDirectory.Create([organization])));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("organizations[0].services[0].languages[100000]", problem.Location);
        Assert.Equal("'en-00000' is listed twice.", problem.Message);
    }

    [Fact]
    public async Task ATaskForceWithTwoHundredThousandCoLeads_IsCheckedInLinearTime()
    {
        var ids = Enumerable.Range(0, 200_000).Select(i => $"lead-{i:D6}").Append("lead-000000").ToImmutableArray();
        var organization = new Organization { Id = "tf", Name = "Sample Task Force (fictional)", Kind = OrganizationKind.Coalition, CoLeadIds = ids };

        var e = await Within(() => Assert.Throws<NhtrcValidationException>(() => ReferralDirectory.Create([organization])));

        Assert.Equal("'lead-000000' is listed twice.", e.Problems.Single(p => p.Location == "organizations[0].coLeads[200000]").Message);
        Assert.Equal(200_001, e.Problems.Length);
    }

    [Fact]
    public async Task APolicyWithAHundredThousandRules_ChecksTheirIdsInLinearTime()
    {
        var rules = Enumerable.Range(0, 100_000)
            .Select(i => new ResponseRule($"rule-{i:D6}", [ContactChannel.Email], Urgency.NonUrgent, ResponseTarget.Elapsed(Duration.FromHours(1)), ResponseTarget.Elapsed(Duration.FromHours(2))))
            .Append(new ResponseRule("rule-000000", [ContactChannel.Phone], Urgency.NonUrgent, ResponseTarget.Immediate, ResponseTarget.Immediate))
            .ToList();

        var e = await Within(() => Assert.Throws<NhtrcValidationException>(() => new ResponsePolicy("big", KnownServiceCalendars.NhtrcBusinessHours, rules)));

        Assert.Equal("'rule-000000' is already the id of rules[0].", e.Problems.Single(p => p.Location == "rules[100000].id").Message);
    }

    [Fact]
    public async Task AMaterialWithAHundredThousandTopics_IsCheckedInLinearTime()
    {
        var topics = Enumerable.Range(1_000, 100_000).Select(i => (ResourceTopic)i).Append((ResourceTopic)1_000).ToList();

        var e = await Within(() => Assert.Throws<NhtrcValidationException>(() => new ResourceMaterial(
            "m", "Title", "Summary.", topics, [CallerRole.ServiceProvider], [LanguageTag.English], ResourceFormat.Guide, new Uri("https://example.org/m"))));

        Assert.Equal("repeats an earlier topic.", e.Problems.Single(p => p.Location.EndsWith("[100000]", StringComparison.Ordinal) && p.Message.StartsWith("repeats", StringComparison.Ordinal)).Message);
    }

    private static async Task<T> Within<T>(Func<T> check)
    {
        var run = Task.Run(check);
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(Bound)));
        return await run;
    }
}
