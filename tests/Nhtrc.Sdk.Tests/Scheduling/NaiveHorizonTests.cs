using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Nhtrc.Sdk.Tests.Scheduling;

/// <summary>
/// The naive calendar model searches minute by minute up to a horizon and gives up beyond it; the laws and
/// the differential properties then check the real calendar alone. This bounds how often that happens, so
/// that those properties cannot pass by the naive model giving up.
/// </summary>
public sealed class NaiveHorizonTests
{
    private const int Batch = 400;
    private const double MostGivenUp = 0.05;

    [Property(MaxTest = 3)]
    public Property NaiveModel_GivesUpOnAtMostFivePercentOfCases_ForEachOperation() =>
        Prop.ForAll(
            Gen.ListOf(CalendarArbitraries.CaseGen, Batch).ToArbitrary(),
            cases =>
            {
                var worst = cases.SelectMany(c => c.NaiveGaveUp).GroupBy(o => o).Select(g => (Operation: g.Key, Count: g.Count()))
                    .OrderByDescending(g => g.Count).FirstOrDefault();
                return (worst.Count <= MostGivenUp * Batch)
                    .Label($"the naive model gave up on {worst.Operation} in {worst.Count} of {Batch} cases")
                    .Collect($"most given up: {worst.Operation ?? "none"} {worst.Count * 100.0 / Batch:0.#}%");
            });
}
