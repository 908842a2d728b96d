using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Triage;

namespace Nhtrc.Cli.Commands;

/// <summary>
/// A kind of document <c>nhtrc validate</c> checks: its <c>--kind</c> name, what it is called in messages, the SDK
/// facade that reads it, and the top-level property that marks it when the kind is detected from the content.
/// </summary>
internal sealed class DocumentKind
{
    private readonly Func<byte[], string> _read;

    private DocumentKind(string name, string noun, Func<byte[], string> read, Func<IReadOnlySet<string>, bool> isMarkedBy, string marker)
    {
        Name = name;
        Noun = noun;
        _read = read;
        IsMarkedBy = isMarkedBy;
        Marker = marker;
    }

    /// <summary>Every kind, in the order help and messages list them.</summary>
    public static ImmutableArray<DocumentKind> All { get; } =
    [
        new("directory", "referral directory", Describe(ReferralDirectoryJson.Parse, d => string.Create(CultureInfo.InvariantCulture, $"{d.Organizations.Length} organizations, {d.ServiceCount} services")),
            names => names.Contains("organizations"), "organizations"),
        new("policy", "response policy", Describe(ResponsePolicyJson.Parse, p => Counted(p.Id, p.Rules.Length, "rule")),
            names => names.Contains("calendar"), "calendar"),
        new("rules", "triage rules document", Describe(TriageRulesJson.Parse, r => Counted(r.Id, r.Rules.Length, "rule")),
            names => names.Contains("rules") && !names.Contains("calendar"), "rules without calendar"),
        new("contact", "contact", Describe(ContactJson.Parse, c => "id " + c.Id),
            names => names.Contains("receivedAt"), "receivedAt"),
        new("calendar", "service calendar", Describe(ServiceCalendarJson.Parse, c => "id " + c.Id),
            names => names.Contains("timeZone") || names.Contains("weeklyHours"), "timeZone or weeklyHours"),
    ];

    /// <summary>The <c>--kind</c> value, for example <c>policy</c>.</summary>
    public string Name { get; }

    /// <summary>What the document is called in messages, for example <c>response policy</c>.</summary>
    public string Noun { get; }

    /// <summary>The top-level properties that mark the kind in detection, as docs/cli.md lists them.</summary>
    public string Marker { get; }

    private Func<IReadOnlySet<string>, bool> IsMarkedBy { get; }

    /// <summary>The kind named <paramref name="name"/>, or null.</summary>
    public static DocumentKind? Find(string name) => All.FirstOrDefault(k => k.Name == name);

    /// <summary>
    /// The kinds whose marker is among the top-level property names of <paramref name="utf8Json"/>; none when it is
    /// not a JSON object. Only the top level is read, and reading stops at malformed JSON with what was seen before.
    /// A leading UTF-8 byte order mark is skipped; a name that is not valid text (an escaped lone surrogate) marks nothing.
    /// </summary>
    public static ImmutableArray<DocumentKind> Detect(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        var names = TopLevelPropertyNames(utf8Json);
        return [.. All.Where(k => k.IsMarkedBy(names))];
    }

    /// <summary>
    /// Reads <paramref name="utf8Json"/> with every rule of the kind checked and describes it in a few words, such as
    /// <c>3 organizations, 3 services</c>; throws <see cref="Nhtrc.Sdk.Validation.NhtrcValidationException"/> with every
    /// problem when it is invalid.
    /// </summary>
    public string Read(byte[] utf8Json) => _read(utf8Json);

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static Func<byte[], string> Describe<T>(Parse<T> parse, Func<T, string> describe) => bytes => describe(parse(bytes, DocumentFile.Limits));

    private static string Counted(string id, int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"id {id}, {count} {noun}{(count == 1 ? "" : "s")}");

    private static HashSet<string> TopLevelPropertyNames(ReadOnlySpan<byte> utf8Json)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return names;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                try
                {
                    names.Add(reader.GetString()!);
                }
                catch (InvalidOperationException)
                {
                    // An escaped lone surrogate ("\ud800") is no text and so no marker; the kind's reader reports it.
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Malformed JSON: the names read so far decide; the kind's reader then reports the error with its position.
        }

        return names;
    }

    /// <summary>An SDK facade's <c>Parse(ReadOnlySpan&lt;byte&gt;, ReadLimits)</c>.</summary>
    private delegate T Parse<out T>(ReadOnlySpan<byte> utf8Json, ReadLimits limits);
}
