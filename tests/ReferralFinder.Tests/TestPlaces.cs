using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;

namespace ReferralFinder.Tests;

/// <summary>
/// Places the tests search, chosen from the embedded sample's actual data: at ZIP 98101 (Seattle) the emergency
/// shelters found include confidential ones, whose street, ZIP code and coordinates must appear nowhere.
/// </summary>
public static class TestPlaces
{
    public const string SeattleZip = "98101";

    /// <summary>The instant the tests' clock stands at: Thu 2 Jul 2026 22:00 UTC.</summary>
    public static readonly NodaTime.Instant Now = NodaTime.Instant.FromUtc(2026, 7, 2, 22, 0);

    /// <summary>A well-formed ZIP code the gazetteer does not know.</summary>
    public static string UnknownZip { get; } = new[] { "00000", "00001", "99999", "99998" }.First(z => !Gazetteer.Default.TryGetZip(z, out _));

    public static ReferralResult SeattleShelters(int count = 10) => ReferralDirectory.Sample.Match(new ReferralQuery
    {
        Needs = [ServiceType.EmergencyShelter],
        Place = ReferralPlace.FromZip(SeattleZip),
        At = Now,
        Count = count,
        Audience = ReferralAudience.Public,
    });

    /// <summary>What must never be shown of the confidential locations among <see cref="SeattleShelters"/>: street, ZIP code, coordinates.</summary>
    public static IReadOnlyList<string> SeattleSecrets()
    {
        var shown = SeattleShelters().Matches.Select(m => m.ServiceId).ToHashSet();
        var secrets = new List<string>();
        foreach (var service in ReferralDirectory.Sample.Organizations.SelectMany(o => o.Services).Where(s => shown.Contains(s.Id)))
        {
            foreach (var location in service.Locations.Where(l => l.IsConfidential))
            {
                secrets.Add(location.StreetAddress!);
                secrets.Add(location.Zip!.Zip);
                secrets.Add(location.Point.Latitude.ToString("0.0000", CultureInfo.InvariantCulture));
                secrets.Add(location.Point.Longitude.ToString("0.0000", CultureInfo.InvariantCulture));
            }
        }

        Assert.True(secrets.Count >= 4, "the Seattle search should find a confidential shelter");
        return secrets;
    }
}
