using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Hostile;

/// <summary>
/// The failures the hostile-input suite found on the code it was written against, one fixed case each, so that
/// they stay fixed even in a run whose random mutations do not hit them.
/// </summary>
public class FoundFailureTests
{
    /// <summary>
    /// Found by ReaderMutationProperties: a calendar listing us-federal 100,000 times read in 63 ms, and then every
    /// date's hours looked the holiday up 100,000 times (more than 10 s for one query). A repeat is now a problem.
    /// </summary>
    [Fact]
    public void ARepeatedHolidayCalendar_IsAProblemAtItsPath()
    {
        var json = """{"id":"c","zone":"America/New_York","weekly":{"monday":["09:00-17:00"]},"holidayCalendars":["us-federal","us-federal"]}""";

        var e = Assert.Throws<NhtrcValidationException>(() => ServiceCalendarJson.Parse(json));

        Assert.Contains(e.Problems, p => p.Location == "$.holidayCalendars[1]" && p.Message == "repeats us-federal; list each holiday calendar once.");
    }

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"\\udfff\"")]
    [InlineData("\"o\u0080\"")]
    public void ADirectoryStringThatIsNotText_IsAProblemAtItsPath(string id)
    {
        var json = "{\"formatVersion\":1,\"organizations\":[{\"id\":" + id + "}]}";
        var utf8 = Encoding.UTF8.GetBytes(json);
        if (id.Contains('\u0080', StringComparison.Ordinal))
        {
            // The raw byte 0x80 (a lone continuation byte) instead of U+0080's two bytes.
            utf8 = [.. utf8[..Array.IndexOf(utf8, (byte)0xC2)], 0x80, .. utf8[(Array.IndexOf(utf8, (byte)0xC2) + 2)..]];
        }

        var e = Assert.Throws<NhtrcValidationException>(() => ReferralDirectoryJson.Parse(utf8));

        Assert.Contains(e.Problems, p => p.Location == "$.organizations[0].id" && p.Message == "is not valid UTF-8 text.");
    }

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"al\u20acways-open\"")]
    public void APolicyCalendarNameThatIsNotText_IsAProblemAtItsPath(string name)
    {
        var utf8 = Encoding.UTF8.GetBytes("{\"id\":\"p\",\"calendar\":" + name + ",\"rules\":[]}");
        if (name.Contains('\u20ac', StringComparison.Ordinal))
        {
            // E2 82 without its last byte: a truncated sequence.
            var at = Array.IndexOf(utf8, (byte)0xE2);
            utf8 = [.. utf8[..(at + 2)], .. utf8[(at + 3)..]];
        }

        var e = Assert.Throws<NhtrcValidationException>(() => ResponsePolicyJson.Parse(utf8));

        Assert.Contains(e.Problems, p => p.Location == "$.calendar" && p.Message == "is not valid UTF-8 text.");
    }

    // 100,000 copies of one period made each year's first question take 5-12 s: every copy was resolved and sorted
    // for every Thursday. Joined once a year, they cost what one period costs.
    [Fact]
    public async Task ACalendarListingOnePeriodAHundredThousandTimes_AnswersAsIfListedOnce()
    {
        var periods = string.Join(",", Enumerable.Repeat("\"09:00-17:00\"", 100_000));
        var hostile = ServiceCalendarJson.Parse("{\"id\":\"c\",\"timeZone\":\"America/New_York\",\"weeklyHours\":{\"thursday\":[" + periods + "]}}");
        var plain = ServiceCalendarJson.Parse("{\"id\":\"c\",\"timeZone\":\"America/New_York\",\"weeklyHours\":{\"thursday\":[\"09:00-17:00\"]}}");
        var instants = Enumerable.Range(0, 40).Select(i => Instant.FromUtc(1990 + (i * 5), 1 + (i % 12), 1 + (i % 28), i % 24, 0)).ToArray();

        var run = Task.Run(() => instants.Select(t => (hostile.IsOpen(t), hostile.NextOpening(t), hostile.AddBusinessTime(t, Duration.FromHours(3)))).ToArray());
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10))));

        Assert.Equal(instants.Select(t => (plain.IsOpen(t), plain.NextOpening(t), plain.AddBusinessTime(t, Duration.FromHours(3)))), await run);
    }
}
