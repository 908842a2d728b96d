using System.Linq;
using Nhtrc.Sdk.Resources;

namespace Nhtrc.Sdk.Tests.Fixtures;

/// <summary>Describes a <see cref="ResourceLibrary"/> through its public members: every material, in the library's order, with every field.</summary>
internal static class ResourceLibraryDescriber
{
    public static string Describe(ResourceLibrary library)
    {
        var w = new DescriptionWriter();
        using (w.Part("resource library"))
        {
            w.Each("materials", "material", library.Materials, material =>
            {
                w.Line("id", DescriptionWriter.Text(material.Id));
                w.Line("title", DescriptionWriter.Text(material.Title));
                w.Line("summary", DescriptionWriter.Text(material.Summary));
                w.Items("topics", material.Topics.Select(StableLabels.Of));
                w.Items("audiences", material.Audiences.Select(StableLabels.Of));
                w.Items("languages", material.Languages.Select(l => l.Value));
                w.Line("format", StableLabels.Of(material.Format));
                w.Line("link", DescriptionWriter.Text(material.Link.OriginalString));
                w.Line("published", DescriptionWriter.Date(material.Published));
            });
        }

        return w.ToString();
    }
}
