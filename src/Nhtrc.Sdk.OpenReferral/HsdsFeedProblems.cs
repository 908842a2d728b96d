using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// The problems and counts of one feed check as it goes: at most <c>max</c> problems are kept, the rest counted, and
/// <see cref="Result"/> closes the list with one problem saying how many more there were. Not thread-safe; one per check.
/// </summary>
internal sealed class HsdsFeedProblems(string source, int max)
{
    private readonly List<HsdsFeedProblem> _problems = [];
    private readonly SortedDictionary<string, int> _records = new(System.StringComparer.Ordinal);
    private readonly List<HsdsFeedEndpoint> _endpoints = [];
    private int _omitted;

    /// <summary>What is checked: <c>hsds:file.json</c>, <c>hsds-api:host/path</c>.</summary>
    public string Source => source;

    /// <summary>The problems found so far, those kept and those only counted.</summary>
    public int Count => _problems.Count + _omitted;

    public void Add(string location, string path, string keyword, string message) => Add(new HsdsFeedProblem(location, path, keyword, message));

    public void Add(HsdsFeedProblem problem)
    {
        if (_problems.Count < max)
        {
            _problems.Add(problem);
        }
        else
        {
            _omitted++;
        }
    }

    /// <summary>Counts one checked record of <paramref name="entity"/>.</summary>
    public void Record(string entity) => _records[entity] = _records.GetValueOrDefault(entity) + 1;

    /// <summary>Adds <paramref name="calls"/> calls and <paramref name="records"/> records to the endpoint (first use adds it).</summary>
    public void Called(string endpoint, int calls, int records, bool offered = true)
    {
        var i = _endpoints.FindIndex(e => e.Endpoint == endpoint);
        if (i < 0)
        {
            _endpoints.Add(new HsdsFeedEndpoint(endpoint, calls, records, offered));
        }
        else
        {
            var e = _endpoints[i];
            _endpoints[i] = e with { Calls = e.Calls + calls, Records = e.Records + records, Offered = e.Offered && offered };
        }
    }

    public HsdsFeedCheckResult Result(string location)
    {
        IEnumerable<HsdsFeedProblem> problems = _omitted == 0
            ? _problems
            : ImmutableArray.CreateRange(_problems).Add(new HsdsFeedProblem(
                location, "$", "limit", string.Create(CultureInfo.InvariantCulture, $"{_omitted} more problems were found and not listed (ReadLimits.MaxProblems is {max}).")));
        return new HsdsFeedCheckResult(source, _records, _endpoints, problems);
    }
}
