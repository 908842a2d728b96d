using System;
using System.Collections.Immutable;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Resources;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Triage;

namespace Nhtrc.Sdk.Tests.Fixtures;

/// <summary>
/// A kind of document with a folder of fixtures: how today's public reader reads one and how it is described,
/// and, for kinds with a public writer, how it is described after being written and read again.
/// </summary>
internal sealed record FixtureKind(string Folder, Func<string, string> Describe, Func<string, string>? DescribeRewritten)
{
    public static ImmutableArray<FixtureKind> All { get; } =
    [
        new("contacts",
            json => ContactDescriber.Describe(ContactJson.Parse(json)),
            json => ContactDescriber.Describe(ContactJson.Parse(ContactJson.Serialize(ContactJson.Parse(json))))),
        new("policies",
            json => ResponsePolicyDescriber.Describe(ResponsePolicyJson.Parse(json)),
            json => ResponsePolicyDescriber.Describe(ResponsePolicyJson.Parse(ResponsePolicyJson.Serialize(ResponsePolicyJson.Parse(json))))),
        new("libraries",
            json => ResourceLibraryDescriber.Describe(ResourceLibraryJson.Parse(json)),
            json => ResourceLibraryDescriber.Describe(ResourceLibraryJson.Parse(ResourceLibraryJson.Serialize(ResourceLibraryJson.Parse(json))))),
        new("directories",
            json => ReferralDirectoryDescriber.Describe(ReferralDirectoryJson.Parse(json)),
            json => ReferralDirectoryDescriber.Describe(ReferralDirectoryJson.Parse(ReferralDirectoryJson.Serialize(ReferralDirectoryJson.Parse(json))))),
        new("triage-rules",
            json => TriageRulesDescriber.Describe(TriageRulesJson.Parse(json)),
            json => TriageRulesDescriber.Describe(TriageRulesJson.Parse(TriageRulesJson.Serialize(TriageRulesJson.Parse(json))))),
    ];

    /// <summary>The kind of the fixture at <paramref name="fixture"/>, a path such as <c>contacts/contact-000.json</c>.</summary>
    public static FixtureKind Of(string fixture)
    {
        foreach (var kind in All)
        {
            if (fixture.StartsWith(kind.Folder + "/", StringComparison.Ordinal))
            {
                return kind;
            }
        }

        throw new ArgumentException($"{fixture} is in no kind's folder.", nameof(fixture));
    }
}
