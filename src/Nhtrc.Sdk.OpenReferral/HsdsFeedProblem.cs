using System;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// One problem a feed check found: where (<see cref="Location"/>: the endpoint, such as
/// <c>GET /services/abc</c>, or the file), at which path inside it, the rule (<see cref="Keyword"/>) and what is wrong.
/// The message names the rule and the schema, never a value of the record. Immutable.
/// </summary>
public sealed record HsdsFeedProblem
{
    /// <summary>Creates a problem.</summary>
    /// <param name="location">The endpoint (<c>GET /services?page=2&amp;per_page=100</c>) or the file or CSV file name.</param>
    /// <param name="path">
    /// The path in the import's style: <c>$.contents[2].phones[0].number</c>, <c>$</c> for the whole answer,
    /// <c>line 4.phones[0]</c> in NDJSON, <c>phones.csv[line 3].number</c> in a CSV data package.
    /// </param>
    /// <param name="keyword">
    /// The rule: a JSON Schema keyword (<c>required</c>, <c>type</c>, <c>enum</c>, <c>format</c>), HSDS's
    /// <c>datapackage_type</c>, or one of ours: <c>json</c>, <c>hsds-version</c>, <c>http</c>, <c>content-type</c>,
    /// <c>paging</c>, <c>id</c>, <c>csv</c>, <c>limit</c> (docs/open-referral.md, "Checking a feed").
    /// </param>
    /// <param name="message">What is wrong, a sentence.</param>
    /// <exception cref="ArgumentException">An argument is null or empty.</exception>
    public HsdsFeedProblem(string location, string path, string keyword, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(location);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(keyword);
        ArgumentException.ThrowIfNullOrEmpty(message);
        Location = location;
        Path = path;
        Keyword = keyword;
        Message = message;
    }

    /// <summary>The endpoint or the file.</summary>
    public string Location { get; }

    /// <summary>Where inside it.</summary>
    public string Path { get; }

    /// <summary>The rule.</summary>
    public string Keyword { get; }

    /// <summary>What is wrong.</summary>
    public string Message { get; }

    /// <summary><c>Location Path (Keyword): Message</c>.</summary>
    /// <returns>The problem on one line.</returns>
    public override string ToString() => $"{Location} {Path} ({Keyword}): {Message}";
}
