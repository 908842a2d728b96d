using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Cli.Commands;

/// <summary>
/// The readable form of a <see cref="ReferralResult"/> shared by <c>nhtrc match</c> and <c>nhtrc triage</c>: a table
/// of the matches (rank, score, distance, city and state, covered needs, organization and service) with each
/// match's top reasons under it, then the plan for several needs and the needs nothing covers.
/// </summary>
internal static class ReferralTable
{
    /// <summary>How many of a match's factors are shown as its top reasons.</summary>
    public const int TopReasons = 3;

    /// <summary>Writes the table, each line starting with <paramref name="indent"/>.</summary>
    public static void Write(ReferralResult result, TextWriter output, string indent)
    {
        if (result.Matches.IsEmpty)
        {
            output.Write($"{indent}No service is eligible: none offers these needs in this place for this client.\n");
        }
        else
        {
            output.Write(string.Create(CultureInfo.InvariantCulture, $"{indent}{result.Matches.Length} of {result.EligibleCount} eligible services, best first:\n"));
            WriteMatches(result.Matches, output, indent);
        }

        if (result.Query.Needs.Length > 1 && !result.Plan.IsEmpty)
        {
            output.Write($"{indent}Plan: organizations that together cover {(result.UncoveredNeeds.IsEmpty ? "every need" : "the needs that can be covered")}:\n");
            foreach (var step in result.Plan)
            {
                var needs = step.Needs.Select((need, i) => $"{WireNames.Of(need)} ({step.ServiceIds[i]})");
                output.Write($"{indent}  {step.OrganizationId} {step.OrganizationName}: {string.Join(", ", needs)}\n");
            }
        }

        if (!result.UncoveredNeeds.IsEmpty)
        {
            output.Write($"{indent}Not covered by any eligible service: {string.Join(", ", result.UncoveredNeeds.Select(WireNames.Of))}\n");
        }
    }

    /// <summary>
    /// The factors that gave a match the most points (at most <see cref="TopReasons"/>, none with 0 points), most
    /// points first, ties in factor order; each as <c>+21.75 distance: 20.8 km away (Houston, TX)</c>.
    /// </summary>
    public static IEnumerable<string> TopReasonsOf(ReferralMatch match) => match.Breakdown
        .Where(c => c.Points > 0)
        .OrderByDescending(c => c.Points)
        .ThenBy(c => c.Factor)
        .Take(TopReasons)
        .Select(c => $"+{Number(c.Points)} {WireNames.Of(c.Factor)}: {c.Reason}");

    /// <summary>A score or points with at most two decimals, for example <c>66</c> or <c>21.75</c>.</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A distance with one decimal, for example <c>20.8 km</c>; <c>-</c> when there is none.</summary>
    public static string Distance(double? kilometers) =>
        kilometers is { } d ? d.ToString("0.0", CultureInfo.InvariantCulture) + " km" : "-";

    /// <summary>The city and state of the nearest location, for example <c>Houston, TX</c>; <c>-</c> without locations.</summary>
    public static string Where(ReferralMatch match) => match.Locations.IsEmpty ? "-" : match.Locations[0].ToString();

    private static void WriteMatches(IReadOnlyList<ReferralMatch> matches, TextWriter output, string indent)
    {
        var rows = matches.Select(m => new[]
        {
            m.Rank.ToString(CultureInfo.InvariantCulture),
            Number(m.Score),
            Distance(m.DistanceKilometers),
            Where(m),
            string.Join(",", m.CoveredNeeds.Select(WireNames.Of)),
            $"{m.OrganizationName}: {m.ServiceName}",
        }).ToList();
        string[] header = ["#", "Score", "Distance", "Where", "Covers", "Organization: service"];
        var widths = new int[header.Length];
        foreach (var row in rows.Prepend(header))
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        WriteRow(header, widths, output, indent);
        for (var r = 0; r < rows.Count; r++)
        {
            WriteRow(rows[r], widths, output, indent);
            var reasons = string.Join("; ", TopReasonsOf(matches[r]));
            output.Write($"{indent}{new string(' ', widths[0] + 2)}why: {(reasons.Length == 0 ? "no factor scored" : reasons)}\n");
        }
    }

    private static void WriteRow(string[] cells, int[] widths, TextWriter output, string indent)
    {
        // Numbers are right-aligned, text left-aligned; the last column is not padded.
        output.Write(indent);
        output.Write(cells[0].PadLeft(widths[0]));
        output.Write("  ");
        output.Write(cells[1].PadLeft(widths[1]));
        output.Write("  ");
        output.Write(cells[2].PadLeft(widths[2]));
        output.Write("  ");
        output.Write(cells[3].PadRight(widths[3]));
        output.Write("  ");
        output.Write(cells[4].PadRight(widths[4]));
        output.Write("  ");
        output.Write(cells[5]);
        output.Write('\n');
    }
}
