using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.Tests.Text;

public sealed class PropertyNamesTests
{
    [Fact]
    public void Of_AllMembers_NamesThemInTheGivenOrderAsTheContextWritesThem()
    {
        var names = PropertyNames.Of(PropertyNamesTestContext.Default.SampleDocument,
            nameof(SampleDocument.LastVerified), nameof(SampleDocument.Id));

        Assert.Equal("lastVerified", names[0]);
        Assert.Equal("id", names[1]);
        Assert.Equal(0, Find(names, "lastVerified"));
        Assert.Equal(1, Find(names, "id"));
        Assert.Equal(-1, Find(names, "unknown"));
    }

    [Fact]
    public void Of_AMemberLeftOut_ThrowsNamingIt()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            PropertyNames.Of(PropertyNamesTestContext.Default.SampleDocument, nameof(SampleDocument.Id)));

        Assert.Contains("not read [lastVerified]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_ANameThatIsNotAProperty_ThrowsNamingIt()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            PropertyNames.Of(PropertyNamesTestContext.Default.SampleDocument, nameof(SampleDocument.Id), nameof(SampleDocument.LastVerified), "Extra"));

        Assert.Contains("not properties [extra]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_AMemberGivenTwice_Throws()
    {
        Assert.Throws<InvalidOperationException>(() =>
            PropertyNames.Of(PropertyNamesTestContext.Default.SampleDocument, nameof(SampleDocument.Id), nameof(SampleDocument.Id), nameof(SampleDocument.LastVerified)));
    }

    private static int Find(PropertyNames names, string name)
    {
        var json = new Utf8JsonReader(Encoding.UTF8.GetBytes($"{{\"{name}\":1}}"));
        json.Read();
        json.Read();
        return names.Find(ref json, 0);
    }
}

internal sealed class SampleDocument
{
    public string? Id { get; set; }

    public string? LastVerified { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SampleDocument))]
internal sealed partial class PropertyNamesTestContext : JsonSerializerContext
{
}
