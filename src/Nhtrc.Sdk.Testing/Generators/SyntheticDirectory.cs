using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// Generates a clearly fictional national referral directory, deterministically from a seed: the SDK's embedded
/// sample (<see cref="SyntheticDirectoryOptions.Sample"/>), the benchmarks' 100,000-service directory and large
/// directories for a partner's own load or matching tests. Every name ends in <c>(fictional)</c>, links are
/// example.org and phone numbers 555-01xx; places are real ZIP codes and counties of the gazetteer. Thread-safe.
/// </summary>
/// <remarks>
/// A directory holds national organizations, coalitions in 24 metro counties, 40 task forces with their co-leads, and
/// providers (shelters, legal aid, counseling, clinics, advocacy, crisis lines...) spread over the states in
/// proportion to their ZIP codes or, by <see cref="SyntheticDirectoryOptions.Spread"/>, as people live, with law enforcement, child-welfare agencies and trainers among them; each territory
/// gets a planned set (Puerto Rico's in Spanish first, a confidential shelter among them). Services cover counties,
/// states, nearby ZIP codes or radii; office hours are in the state's zone, closed on US federal holidays four times
/// in five; shelters and crisis lines are open 24/7 and shelters' sites are confidential.
/// </remarks>
public static class SyntheticDirectory
{
    /// <summary>The seed of the SDK's embedded sample directory: 2026.</summary>
    public const int SampleSeed = 2026;

    /// <summary>The number of organizations of the SDK's embedded sample directory: 3,500.</summary>
    public const int SampleOrganizations = 3500;

    /// <summary>
    /// The directory document (docs/referrals.md) for <paramref name="options"/>, as compact UTF-8 JSON: what
    /// <see cref="ReferralDirectoryJson"/> and <see cref="JsonFileDirectorySource"/> read. The same options always give
    /// the same bytes; for <see cref="SyntheticDirectoryOptions.Sample"/> they are the embedded sample's.
    /// </summary>
    /// <param name="options">The seed, size and gazetteer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The gazetteer has no ZIP codes in some state; the message names each.</exception>
    public static byte[] ToUtf8Json(SyntheticDirectoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var missing = UsState.All.Where(s => !s.IsTerritory && !options.Gazetteer.Zips.Any(z => z.State == s)).Select(s => s.Code).ToArray();
        if (missing.Length > 0)
        {
            throw new ArgumentException(
                $"The gazetteer has no ZIP codes in {string.Join(", ", missing)}; a synthetic directory needs every state and DC.", nameof(options));
        }

        return JsonSerializer.SerializeToUtf8Bytes(SyntheticDirectoryGenerator.Generate(options), SyntheticDirectoryJsonContext.Default.SyntheticDirectoryDocument);
    }

    /// <summary>The directory document for <paramref name="options"/> as a string; see <see cref="ToUtf8Json"/>.</summary>
    /// <param name="options">The seed, size and gazetteer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The gazetteer has no ZIP codes in some state.</exception>
    public static string ToJson(SyntheticDirectoryOptions options) => Encoding.UTF8.GetString(ToUtf8Json(options));

    /// <summary>
    /// The directory for <paramref name="options"/>: its document read by <see cref="ReferralDirectoryJson"/> against
    /// the options' gazetteer, so every rule of docs/referrals.md holds.
    /// </summary>
    /// <param name="options">The seed, size and gazetteer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">The gazetteer has no ZIP codes in some state.</exception>
    public static ReferralDirectory Generate(SyntheticDirectoryOptions options) =>
        ReferralDirectoryJson.Parse(ToUtf8Json(options), (options ?? throw new ArgumentNullException(nameof(options))).Gazetteer);
}
