using System;
using System.Collections.Immutable;
using Nhtrc.Sdk.Contacts;

namespace Nhtrc.Sdk.Resources;

/// <summary>
/// What to look for in a <see cref="ResourceLibrary"/>: free-text words, and optional topic, audience and
/// language filters. Every filter that is given must be met; see docs/resources.md for the ranking. Immutable
/// once initialized; invalid values are rejected by the init accessors.
/// </summary>
public sealed class ResourceQuery
{
    /// <summary>The number of results returned when <see cref="MaxResults"/> is not set: 10.</summary>
    public const int DefaultMaxResults = 10;

    /// <summary>The longest <see cref="Text"/> accepted: 1,000 characters.</summary>
    public const int MaxTextLength = 1000;

    /// <summary>Creates a query with no words and no filters, which lists the library in id order.</summary>
    public ResourceQuery()
    {
    }

    /// <summary>Creates a query for free-text words.</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is longer than <see cref="MaxTextLength"/>.</exception>
    public ResourceQuery(string? text) => Text = text;

    /// <summary>
    /// Free-text words, matched against titles, summaries and topics; null or empty for none. A material must
    /// match at least one word (after tokenization) to be returned; text whose words are all stop words
    /// imposes no condition.
    /// </summary>
    /// <exception cref="ArgumentException">Set to more than <see cref="MaxTextLength"/> characters.</exception>
    public string? Text
    {
        get;
        init
        {
            if (value is { Length: > MaxTextLength })
            {
                throw new ArgumentException($"The text must be at most {MaxTextLength} characters.", nameof(value));
            }

            field = value;
        }
    }

    /// <summary>
    /// Topics to filter on; empty (the default) for no filter. A material is returned only when it covers at
    /// least one of them, and ranks higher the more of them it covers. Repeated topics count once.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a list containing an undefined topic.</exception>
    public ImmutableArray<ResourceTopic> Topics
    {
        get => field.IsDefault ? [] : field;
        init
        {
            foreach (var topic in value.IsDefault ? [] : value)
            {
                if (!Enum.IsDefined(topic))
                {
                    throw new ArgumentOutOfRangeException(nameof(value), topic, "Not a defined topic.");
                }
            }

            field = value;
        }
    }

    /// <summary>The audience to filter on, or null (the default) for no filter: a material is returned only when it lists this audience.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to an undefined role.</exception>
    public CallerRole? Audience
    {
        get;
        init => field = value is { } role && !Enum.IsDefined(role)
            ? throw new ArgumentOutOfRangeException(nameof(value), role, "Not a defined caller role.")
            : value;
    }

    /// <summary>
    /// The language to filter on, or null (the default) for no filter. A material is returned when any of its
    /// languages has the same primary language subtag (<c>es</c> matches <c>es</c>, <c>es-MX</c> and
    /// <c>es-419</c>, and <c>es-MX</c> matches <c>es</c>); one with exactly this tag ranks higher.
    /// </summary>
    public LanguageTag? Language { get; init; }

    /// <summary>The most results to return: at least 1; <see cref="DefaultMaxResults"/> unless set.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to less than 1.</exception>
    public int MaxResults
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "At least one result must be asked for.");
    } = DefaultMaxResults;
}
