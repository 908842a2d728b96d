using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Resources;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Triage;

namespace Nhtrc.Sdk;

/// <summary>
/// Every option of the services <see cref="NhtrcServiceCollectionExtensions.AddNhtrc(Microsoft.Extensions.DependencyInjection.IServiceCollection)"/>
/// registers, one subsection per capability under the configuration section <see cref="SectionName"/>
/// (docs/configuration.md lists every key, its default and its validation). Validated at startup.
/// </summary>
public sealed class NhtrcOptions
{
    /// <summary>The configuration section the options are usually bound from: <c>Nhtrc</c>.</summary>
    public const string SectionName = "Nhtrc";

    /// <summary>The response policy (section <c>Nhtrc:ResponseTimes</c>).</summary>
    public ResponseTimesOptions ResponseTimes { get; set; } = new();

    /// <summary>The triage rules and the business-hours queue's calendar (section <c>Nhtrc:Triage</c>).</summary>
    public TriageOptions Triage { get; set; } = new();

    /// <summary>The referral directory and the contact pipeline's matches (section <c>Nhtrc:Referrals</c>).</summary>
    [ValidateObjectMembers]
    public ReferralsOptions Referrals { get; set; } = new();

    /// <summary>The resource library (section <c>Nhtrc:Resources</c>).</summary>
    public ResourcesOptions Resources { get; set; } = new();

    /// <summary>
    /// Named service calendars (section <c>Nhtrc:Calendars</c>): each name maps to a service calendar JSON file
    /// (docs/holidays.md), resolved against the host's content root and read once. Resolve one with
    /// <c>GetRequiredKeyedService&lt;ServiceCalendar&gt;(name)</c>; the known ids <c>nhtrc-business-hours</c> and
    /// <c>always-open</c> resolve without being listed, and a listed name takes precedence over them.
    /// </summary>
    public Dictionary<string, string> Calendars { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Where the options were bound from, for messages: the section path, or <see cref="SectionName"/> when configured in code.</summary>
    internal string ConfigurationPath { get; set; } = SectionName;

    /// <summary>The configuration path of each capability's options when it was bound from its own section.</summary>
    internal Dictionary<string, string> CapabilityPaths { get; } = new(StringComparer.Ordinal);

    /// <summary>The configuration path of <paramref name="key"/> in capability <paramref name="capability"/> (for example <c>Nhtrc:ResponseTimes:PolicyFile</c>).</summary>
    internal string PathOf(string capability, string key) =>
        (CapabilityPaths.TryGetValue(capability, out var path) ? path : ConfigurationPath + ":" + capability) + ":" + key;
}
