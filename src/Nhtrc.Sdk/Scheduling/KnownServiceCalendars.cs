using System;
using System.Diagnostics.CodeAnalysis;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Scheduling;

/// <summary>The service calendars the SDK defines by name; JSON documents may refer to them by id.</summary>
public static class KnownServiceCalendars
{
    /// <summary>The id of <see cref="NhtrcBusinessHours"/>.</summary>
    public const string NhtrcBusinessHoursId = "nhtrc-business-hours";

    /// <summary>The id of <see cref="AlwaysOpen"/>.</summary>
    public const string AlwaysOpenId = "always-open";

    private static readonly Lazy<ServiceCalendar> BusinessHours = new(() => new ServiceCalendar(
        NhtrcBusinessHoursId,
        DateTimeZoneProviders.Tzdb["America/New_York"],
        WeeklyHours.MondayToFriday(new OpenInterval(new LocalTime(9, 0), new LocalTime(19, 0))),
        [HolidayCalendar.UsFederal]));

    private static readonly Lazy<ServiceCalendar> Always = new(() => new ServiceCalendar(
        AlwaysOpenId, DateTimeZone.Utc, WeeklyHours.AlwaysOpen));

    /// <summary>
    /// <c>nhtrc-business-hours</c>: Monday to Friday 09:00-19:00 America/New_York, closed on observed US
    /// federal holidays; supports instants from 1971 (the first year of the federal holiday calendar).
    /// </summary>
    public static ServiceCalendar NhtrcBusinessHours => BusinessHours.Value;

    /// <summary><c>always-open</c>: open around the clock (24/7), in UTC.</summary>
    public static ServiceCalendar AlwaysOpen => Always.Value;

    /// <summary>The known calendar with <paramref name="id"/> (case-sensitive): <c>nhtrc-business-hours</c> or <c>always-open</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">No known calendar has that id.</exception>
    public static ServiceCalendar Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return TryGet(id, out var calendar)
            ? calendar
            : throw new NhtrcValidationException("calendar id", [new ValidationProblem("id", $"{InputText.Describe(id)} is not a known calendar; use {NhtrcBusinessHoursId} or {AlwaysOpenId}.")]);
    }

    /// <summary>Finds a known calendar by id (case-sensitive); false, with null, when there is none.</summary>
    public static bool TryGet(string? id, [NotNullWhen(true)] out ServiceCalendar? calendar)
    {
        calendar = id switch
        {
            NhtrcBusinessHoursId => NhtrcBusinessHours,
            AlwaysOpenId => AlwaysOpen,
            _ => null,
        };
        return calendar is not null;
    }
}
