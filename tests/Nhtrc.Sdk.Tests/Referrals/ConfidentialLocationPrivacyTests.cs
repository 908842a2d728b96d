using System;
using System.Collections.Immutable;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Referrals;

/// <summary>
/// What a public result reveals about a confidential location (docs/referrals.md, "Confidential locations"): no more than
/// its grid cell, its city and its state, whatever the number of queries and wherever they are made from.
/// </summary>
public sealed class ConfidentialLocationPrivacyTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 7, 2, 22, 0);

    // The sample directory's confidential locations all belong to services of these types; a query for none of them
    // has no confidential candidate, whatever the version of the matcher.
    private static readonly ServiceType[] ConfidentialTypes = [ServiceType.EmergencyShelter, ServiceType.BasicNeeds, ServiceType.CaseManagement];

    /// <summary>
    /// Queries with no confidential candidate give exactly the results of the matcher before public results were made
    /// coarse (commit 772a6a9): the hash of their JSON and text, computed there with this same code.
    /// </summary>
    [Fact]
    public void QueriesWithoutAConfidentialCandidate_GiveTheEarlierResults()
    {
        var directory = ReferralDirectory.Sample;
        Assert.All(
            directory.Organizations.SelectMany(o => o.Services).Where(s => s.Locations.Any(l => l.IsConfidential)),
            s => Assert.True(s.Types.All(ConfidentialTypes.Contains), s.Id));

        var needs = Enum.GetValues<ServiceType>().Where(t => !ConfidentialTypes.Contains(t)).ToArray();
        var zips = Gazetteer.Default.Zips;
        var text = new StringBuilder();
        var queries = 0;
        for (var i = 0; i < zips.Length; i += 97)
        {
            var zip = zips[i];
            ReferralPlace[] places = [ReferralPlace.FromZip(zip.Zip), ReferralPlace.AtPoint(new GeoPoint(zip.Location.Latitude + 0.05, zip.Location.Longitude - 0.05)), ReferralPlace.InState(zip.State)];
            foreach (var place in places)
            {
                var query = new ReferralQuery
                {
                    Needs = [needs[i % needs.Length], needs[(i / 7) % needs.Length] == needs[i % needs.Length] ? needs[(i + 1) % needs.Length] : needs[(i / 7) % needs.Length]],
                    Place = place,
                    At = At,
                    Urgency = i % 2 == 0 ? Urgency.Urgent : Urgency.NonUrgent,
                    Language = i % 3 == 0 ? LanguageTag.Spanish : null,
                    Count = 20,
                    Audience = i % 5 == 0 ? ReferralAudience.Advocate : ReferralAudience.Public,
                };
                var result = directory.Match(query);
                text.Append(ReferralResultJson.Serialize(result)).Append('\n').Append(result).Append('\n');
                queries++;
            }
        }

        Assert.Equal(1269, queries);
        Assert.Equal("F82B40910EFC3F46F6B429D703CED7301FC7A769181E94604C74961A34F3E949", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))));
    }
}
