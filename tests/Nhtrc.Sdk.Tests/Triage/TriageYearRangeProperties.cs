using System;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Triage;
using NodaTime;
using static Nhtrc.Sdk.Tests.Triage.TriageExamples;

namespace Nhtrc.Sdk.Tests.Triage;

/// <summary>
/// Which instants triage accepts: exactly those in the local years both of its calendars support (the policy's and the
/// business-hours queue's), in each calendar's own zone. The engine skips the zone conversions for instants well inside
/// the years; this checks that shortcut (the receipt is checked first, so a refused instant names it) against a deliberately naive reference that always converts.
/// </summary>
public class TriageYearRangeProperties
{
    private static bool NaiveInRange(TriageEngine engine, Instant instant)
    {
        var first = Math.Max(engine.Policy.BusinessCalendar.FirstSupportedYear, engine.BusinessCalendar.FirstSupportedYear);
        var last = Math.Min(engine.Policy.BusinessCalendar.LastSupportedYear, engine.BusinessCalendar.LastSupportedYear);
        foreach (var zone in new[] { engine.Policy.BusinessCalendar.Zone, engine.BusinessCalendar.Zone })
        {
            var year = instant.InZone(zone).Year;
            if (year < first || year > last)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Instants within two days of each New Year from two years before the first supported year to two after the last.</summary>
    private static Arbitrary<Instant> NearTheEnds()
    {
        var engine = Engine;
        var first = Math.Max(engine.Policy.BusinessCalendar.FirstSupportedYear, engine.BusinessCalendar.FirstSupportedYear);
        var last = Math.Min(engine.Policy.BusinessCalendar.LastSupportedYear, engine.BusinessCalendar.LastSupportedYear);
        var years = Gen.OneOf(Gen.Choose(first - 2, first + 2), Gen.Choose(last - 2, last + 2), Gen.Choose(first, last));
        return (from year in years
                from minutes in Gen.Choose(-2 * 1440, 2 * 1440)
                select Instant.FromUtc(year, 1, 1, 0, 0) + Duration.FromMinutes(minutes)).ToArbitrary();
    }

    [Property(MaxTest = 400)]
    public Property Triage_accepts_exactly_the_instants_both_calendars_support() =>
        Prop.ForAll(NearTheEnds(), instant =>
        {
            var contact = Contact(RequestKind.Tip, receivedAt: instant);
            bool accepted;
            try
            {
                _ = Engine.Triage(contact, instant);
                accepted = true;
            }
            catch (CalendarRangeException)
            {
                // Accepted, but the answer (a business-day deadline, the queue's next opening) falls past the last year.
                accepted = true;
            }
            catch (ArgumentOutOfRangeException e) when (e.ParamName == "contact.ReceivedAt")
            {
                accepted = false;
            }

            return accepted == NaiveInRange(Engine, instant);
        });
}
