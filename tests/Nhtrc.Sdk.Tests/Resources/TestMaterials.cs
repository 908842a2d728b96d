using System;
using System.Collections.Generic;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Resources;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Resources;

/// <summary>Builds valid materials with only the members a test cares about.</summary>
internal static class TestMaterials
{
    public static ResourceMaterial Make(
        string id,
        string title = "Sample Material",
        string summary = "A fictional material.",
        IEnumerable<ResourceTopic>? topics = null,
        IEnumerable<CallerRole>? audiences = null,
        IEnumerable<string>? languages = null,
        ResourceFormat format = ResourceFormat.FactSheet,
        LocalDate? published = null) =>
        new(id, title, summary,
            topics ?? [ResourceTopic.PublicAwareness],
            audiences ?? [CallerRole.CommunityMember],
            [.. (languages ?? ["en"]).Select(LanguageTag.Parse)],
            format,
            new Uri($"https://example.org/{id}"),
            published);
}
