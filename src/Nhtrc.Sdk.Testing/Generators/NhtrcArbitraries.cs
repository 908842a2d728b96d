using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.ResponseTimes;
using NodaTime;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// The package's generators as FsCheck arbitraries, for <c>[Property(Arbitrary = new[] { typeof(NhtrcArbitraries) })]</c>
/// (FsCheck.Xunit, FsCheck.NUnit): a property's parameters of these types are then generated and shrunk by them.
/// Registering it replaces FsCheck's own <see cref="Duration"/> arbitrary with <see cref="NhtrcGenerators.Durations"/>.
/// </summary>
public static class NhtrcArbitraries
{
    /// <summary>Random calendars (<see cref="NhtrcGenerators.CalendarDefinitions"/>), shrinking toward UTC, fewer holidays and overrides, and closed days.</summary>
    public static Arbitrary<CalendarDefinition> CalendarDefinitions() => Arb.From(NhtrcGenerators.CalendarDefinitions, ShrinkDefinition);

    /// <summary>Cases for the laws of business time (<see cref="NhtrcGenerators.BusinessTimeCases"/>), shrinking the calendar, the instant and the amounts.</summary>
    public static Arbitrary<BusinessTimeCase> BusinessTimeCases() => Arb.From(NhtrcGenerators.BusinessTimeCases, ShrinkCase);

    /// <summary>Durations in whole minutes (<see cref="NhtrcGenerators.Durations"/>), shrinking toward zero.</summary>
    public static Arbitrary<Duration> Durations() => Arb.From(NhtrcGenerators.Durations, ShrinkDuration);

    /// <summary>Valid response policies (<see cref="NhtrcGenerators.Policies"/>).</summary>
    public static Arbitrary<ResponsePolicy> Policies() => Arb.From(NhtrcGenerators.Policies);

    /// <summary>Valid contacts of every request kind (<see cref="NhtrcGenerators.Contacts"/>), shrinking by dropping consents, the age, signals, referral needs and personal data.</summary>
    public static Arbitrary<Contact> Contacts() => Arb.From(NhtrcGenerators.Contacts, NhtrcGenerators.ShrinkContact);

    /// <summary>Contacts with the instant they are triaged (<see cref="NhtrcGenerators.TriageScenarios"/>), shrinking to a triage at the receipt and a smaller contact.</summary>
    public static Arbitrary<TriageScenario> TriageScenarios() => Arb.From(NhtrcGenerators.TriageScenarios, NhtrcGenerators.ShrinkTriageScenario);

    /// <summary>Distinctive synthetic personal data (<see cref="NhtrcGenerators.DistinctivePersonalData"/>), shrinking by dropping values while one is left.</summary>
    public static Arbitrary<PersonalData> PersonalData() => Arb.From(NhtrcGenerators.DistinctivePersonalData, NhtrcGenerators.ShrinkPersonalData);

    /// <summary>SLA event sequences under the NHTRC default policy (<see cref="NhtrcGenerators.SlaScenarios"/>).</summary>
    public static Arbitrary<SlaScenario> SlaScenarios() => NhtrcGenerators.SlaScenarios(ResponsePolicy.NhtrcDefault);

    /// <summary>Random referral directories (<see cref="NhtrcGenerators.Directories"/>), shrinking organizations, services and each service's facts.</summary>
    public static Arbitrary<ReferralDirectory> Directories() => Arb.From(NhtrcGenerators.Directories, ReferralGenerators.Shrink);

    /// <summary>Valid referral queries (<see cref="NhtrcGenerators.ReferralQueries"/>), shrinking to one need, nothing disclosed, no language, not urgent.</summary>
    public static Arbitrary<ReferralQuery> ReferralQueries() => Arb.From(NhtrcGenerators.ReferralQueries, ReferralGenerators.Shrink);

    /// <summary>A directory and a query over <see cref="NhtrcGenerators.ReferralZips"/> (<see cref="NhtrcGenerators.ReferralCasesAround"/>), printed in full.</summary>
    public static Arbitrary<ReferralCase> ReferralCases() => NhtrcGenerators.ReferralCasesAround(NhtrcGenerators.ReferralZips);

    internal static IEnumerable<Duration> ShrinkDuration(Duration d)
    {
        if (d <= Duration.Zero)
        {
            yield break;
        }

        yield return Duration.Zero;
        var minutes = (long)d.TotalMinutes;
        if (minutes > 1)
        {
            yield return Duration.FromMinutes(minutes / 2);
            yield return Duration.FromMinutes(minutes - 1);
        }
    }

    internal static IEnumerable<CalendarDefinition> ShrinkDefinition(CalendarDefinition d)
    {
        if (d.Zone.Id != "Etc/UTC")
        {
            yield return new CalendarDefinition(DateTimeZoneProviders.Tzdb["Etc/UTC"], d.WeeklyHours, d.Holidays, d.Overrides.Values);
        }

        foreach (var holiday in d.Holidays)
        {
            yield return new CalendarDefinition(d.Zone, d.WeeklyHours, d.Holidays.Remove(holiday), d.Overrides.Values);
        }

        foreach (var date in d.Overrides.Keys)
        {
            yield return new CalendarDefinition(d.Zone, d.WeeklyHours, d.Holidays, d.Overrides.Remove(date).Values);
        }

        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            var hours = d.WeeklyHours[day];
            if (hours.Length > 1)
            {
                yield return new CalendarDefinition(d.Zone, d.WeeklyHours.With(day, hours[0]), d.Holidays, d.Overrides.Values);
            }

            if (hours.Length > 0)
            {
                yield return new CalendarDefinition(d.Zone, d.WeeklyHours.With(day), d.Holidays, d.Overrides.Values);
            }
        }
    }

    internal static IEnumerable<BusinessTimeCase> ShrinkCase(BusinessTimeCase c)
    {
        foreach (var t in NhtrcGenerators.ShrinkInstant(c.T))
        {
            yield return new BusinessTimeCase(c.Definition, t, c.D1, c.D2, c.N);
        }

        foreach (var d1 in ShrinkDuration(c.D1))
        {
            yield return new BusinessTimeCase(c.Definition, c.T, d1, c.D2, c.N);
        }

        foreach (var d2 in ShrinkDuration(c.D2))
        {
            yield return new BusinessTimeCase(c.Definition, c.T, c.D1, d2, c.N);
        }

        if (c.N > 1)
        {
            yield return new BusinessTimeCase(c.Definition, c.T, c.D1, c.D2, 1);
        }

        // A simpler calendar, the instant kept (shown in the simpler calendar's zone).
        foreach (var definition in ShrinkDefinition(c.Definition).Where(d => d.Zone.Id == c.Definition.Zone.Id))
        {
            yield return new BusinessTimeCase(definition, c.T, c.D1, c.D2, c.N);
        }
    }
}
