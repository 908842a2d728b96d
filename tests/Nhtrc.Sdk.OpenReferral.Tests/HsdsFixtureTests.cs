using System;
using System.IO;
using System.Text.Json;

namespace Nhtrc.Sdk.OpenReferral.Tests;

public class HsdsFixtureTests
{
    [Theory]
    [InlineData("examples/service_full.json")]
    [InlineData("examples/service_list.json")]
    [InlineData("examples/organization_full.json")]
    [InlineData("examples/service_at_location_full.json")]
    [InlineData("schema/service.json")]
    public void The_copied_hsds_files_are_in_the_output_and_are_json(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Hsds", file)));
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
    }

    [Fact]
    public void The_notice_names_the_source_and_the_licence()
    {
        var notice = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Hsds", "NOTICE.md"));
        Assert.Contains("https://github.com/openreferral/specification", notice, StringComparison.Ordinal);
        Assert.Contains("CC BY-SA 4.0", notice, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "Hsds", "LICENSE")));
    }
}
