using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Resources;

/// <summary>
/// One material in the resource library (a fact sheet, toolkit, webinar...) that the hotline refers callers
/// and partners to. Immutable and thread-safe; equality is by value (collections compared in order).
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class ResourceMaterial : IEquatable<ResourceMaterial>
{
    /// <summary>Creates a material.</summary>
    /// <param name="id">
    /// A stable slug: 1 to 100 lowercase ASCII letters and digits in groups separated by single hyphens, such
    /// as <c>sample-labor-trafficking-agriculture-toolkit</c>.
    /// </param>
    /// <param name="title">The title; not blank, at most 300 characters.</param>
    /// <param name="summary">A short description; not blank, at most 4,000 characters.</param>
    /// <param name="topics">What it is about: at least one, no duplicates.</param>
    /// <param name="audiences">Who it is for, as caller roles: at least one, no duplicates.</param>
    /// <param name="languages">The languages it is available in: at least one, no duplicates.</param>
    /// <param name="format">The form it takes.</param>
    /// <param name="link">Where to get it: an absolute https link without user information.</param>
    /// <param name="published">When it was published, if known.</param>
    /// <exception cref="ArgumentNullException">A collection is null or contains null.</exception>
    /// <exception cref="NhtrcValidationException">Any value is invalid; every problem is listed by parameter name.</exception>
    public ResourceMaterial(
        string id,
        string title,
        string summary,
        IEnumerable<ResourceTopic> topics,
        IEnumerable<CallerRole> audiences,
        IEnumerable<LanguageTag> languages,
        ResourceFormat format,
        Uri link,
        LocalDate? published = null)
    {
        ArgumentNullException.ThrowIfNull(topics);
        ArgumentNullException.ThrowIfNull(audiences);
        ArgumentNullException.ThrowIfNull(languages);
        var topicList = topics.ToImmutableArray();
        var audienceList = audiences.ToImmutableArray();
        var languageList = languages.ToImmutableArray();
        if (languageList.Contains(null!))
        {
            throw new ArgumentNullException(nameof(languages), "The collection contains null.");
        }

        var problems = new ProblemList();
        Validate(problems, string.Empty, id, title, summary,
            [.. topicList.Select(t => (ResourceTopic?)t)], [.. audienceList.Select(a => (CallerRole?)a)], languageList);
        problems.Check(nameof(format), ResourceRules.Defined(format));
        problems.Check(nameof(link), ResourceRules.Link(link));
        problems.ThrowIfAny("resource material");

        Id = id;
        Title = title;
        Summary = summary;
        Topics = topicList;
        Audiences = audienceList;
        Languages = languageList;
        Format = format;
        Link = link;
        Published = published;
    }

    /// <summary>The stable slug that identifies the material, for example <c>sample-labor-trafficking-agriculture-toolkit</c>.</summary>
    public string Id { get; }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>A short description.</summary>
    public string Summary { get; }

    /// <summary>What the material is about, in the order given; never empty.</summary>
    public ImmutableArray<ResourceTopic> Topics { get; }

    /// <summary>Who the material is for, in the order given; never empty.</summary>
    public ImmutableArray<CallerRole> Audiences { get; }

    /// <summary>The languages the material is available in, in the order given; never empty.</summary>
    public ImmutableArray<LanguageTag> Languages { get; }

    /// <summary>The form the material takes.</summary>
    public ResourceFormat Format { get; }

    /// <summary>Where to get the material: an absolute https link.</summary>
    public Uri Link { get; }

    /// <summary>When the material was published, or null when not known.</summary>
    public LocalDate? Published { get; }

    /// <summary>True when every member is equal, collections element by element in order and links by <see cref="Uri.Equals(object)"/>.</summary>
    public bool Equals(ResourceMaterial? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (Id == other.Id
                && Title == other.Title
                && Summary == other.Summary
                && Topics.SequenceEqual(other.Topics)
                && Audiences.SequenceEqual(other.Audiences)
                && Languages.SequenceEqual(other.Languages)
                && Format == other.Format
                && Link.Equals(other.Link)
                && Published == other.Published));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ResourceMaterial);

    /// <summary>True when both are null or they are equal by <see cref="Equals(ResourceMaterial?)"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(ResourceMaterial? left, ResourceMaterial? right) => left is null ? right is null : left.Equals(right);

    /// <summary>The negation of <c>==</c>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(ResourceMaterial? left, ResourceMaterial? right) => !(left == right);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Title, Format, Link);

    /// <summary>Returns the id, format and title, for example <c>sample-hotline-poster (Poster): Sample Poster: Call the Hotline</c>.</summary>
    public override string ToString() => $"{Id} ({Format}): {Title}";

    /// <summary>
    /// Checks the members the JSON reader and the constructor share; <paramref name="prefix"/> is prepended to
    /// each member name to make the location (empty for parameters, <c>$.materials[3].</c> for JSON). A null
    /// item is one whose problem was already reported: it keeps its place but is not checked again.
    /// </summary>
    internal static void Validate(
        ProblemList problems,
        string prefix,
        string? id,
        string? title,
        string? summary,
        IReadOnlyList<ResourceTopic?> topics,
        IReadOnlyList<CallerRole?> audiences,
        IReadOnlyList<LanguageTag?> languages)
    {
        problems.Check(prefix + "id", ResourceRules.Slug(id));
        problems.Check(prefix + "title", ResourceRules.Title(title));
        problems.Check(prefix + "summary", ResourceRules.Summary(summary));
        ValidateItems(problems, prefix + "topics", topics, "topic", t => ResourceRules.Defined(t!.Value));
        ValidateItems(problems, prefix + "audiences", audiences, "audience", a => ResourceRules.Defined(a!.Value));
        ValidateItems(problems, prefix + "languages", languages, "language", _ => null);
    }

    private static void ValidateItems<T>(ProblemList problems, string location, IReadOnlyList<T> items, string noun, Func<T, string?> rule)
    {
        if (items.Count == 0)
        {
            problems.Add(location, $"must list at least one {noun}.");
        }

        var repeats = new Repeats<T>(items as T[] ?? [.. items]);

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                continue;
            }

            problems.Check($"{location}[{i}]", rule(items[i]));
            if (repeats.IsRepeat(i))
            {
                problems.Add($"{location}[{i}]", $"repeats an earlier {noun}.");
            }
        }
    }
}
