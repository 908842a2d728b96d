using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Nhtrc.Sdk.Referrals;

namespace Nhtrc.Sdk.OpenReferral.Tests;

/// <summary>The hsds directory source chosen by name in configuration: a file, a sources file's merge, a live API; its validation.</summary>
public sealed class OpenReferralRegistrationTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "us-fictional");

    private readonly string folder = Directory.CreateTempSubdirectory("nhtrc-hsds-di-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task AnHsdsFile_ChosenInConfiguration_LoadsWhenTheHostStarts()
    {
        var expected = await new HsdsDirectorySource(Path.Combine(Fixtures, "service_list.json")).LoadAsync();
        Assert.True(expected.Directory.ServiceCount > 0);
        using var host = Host(new()
        {
            ["Nhtrc:Referrals:Source"] = "hsds",
            ["Nhtrc:OpenReferral:Location"] = Path.Combine(Fixtures, "service_list.json"),
        });
        Assert.Null(host.Services.GetRequiredService<ReferralDirectoryHolder>().Current);
        await host.StartAsync();
        var directory = host.Services.GetRequiredService<ReferralDirectoryHolder>().Current;
        Assert.NotNull(directory);
        Assert.Equal(expected.Directory.Organizations.Select(o => o.Id), directory.Organizations.Select(o => o.Id));
        var source = Assert.IsType<HsdsDirectorySource>(host.Services.GetRequiredService<IReferralDirectorySource>());
        Assert.Equal("hsds:service_list.json", source.Name);
        await host.StopAsync();
    }

    [Fact]
    public async Task ASourcesFile_MergesItsSourcesInOrder_RelativeToTheContentRoot()
    {
        File.Copy(Path.Combine(Fixtures, "service_list.json"), Path.Combine(folder, "first.json"));
        File.Copy(Path.Combine(Fixtures, "second-feed.json"), Path.Combine(folder, "second.json"));
        await File.WriteAllTextAsync(Path.Combine(folder, "sources.json"), """
            { "sources": [ { "key": "first", "path": "first.json" }, { "key": "second", "path": "second.json" } ] }
            """);
        using var host = Host(new() { ["Nhtrc:Referrals:Source"] = "hsds", ["Nhtrc:OpenReferral:SourcesFile"] = "sources.json" }, contentRoot: folder);
        await host.StartAsync();
        var source = Assert.IsType<MergedDirectorySource>(host.Services.GetRequiredService<IReferralDirectorySource>());
        Assert.Equal("merged(first,second)", source.Name);
        Assert.Equal(new[] { Path.Combine(folder, "first.json"), Path.Combine(folder, "second.json") }, source.Paths);
        var status = host.Services.GetRequiredService<ReferralDirectoryUpdater>().Status;
        Assert.Null(status.LastError);
        Assert.True(status.ServiceCount > 0);
        await host.StopAsync();
    }

    [Fact]
    public async Task ALiveApi_LoadsThroughTheRegisteredClient()
    {
        await using var server = await HsdsApiTestServer.StartAsync(context => HsdsApiTestServer.Page(context, HsdsApiTesting.FixtureServices));
        using var host = Host(new() { ["Nhtrc:Referrals:Source"] = "hsds", ["Nhtrc:OpenReferral:Location"] = server.BaseUri.ToString() });
        await host.StartAsync();
        Assert.IsType<HsdsApiDirectorySource>(host.Services.GetRequiredService<IReferralDirectorySource>());
        var status = host.Services.GetRequiredService<ReferralDirectoryUpdater>().Status;
        Assert.True(status.HasDirectory, status.LastError);
        Assert.NotEmpty(server.Requests);
        await host.StopAsync();
    }

    [Theory]
    [InlineData(null, null, "Nhtrc:OpenReferral: set exactly one of Location and SourcesFile for the hsds directory source.")]
    [InlineData("a.json", "sources.json", "Nhtrc:OpenReferral: set exactly one of Location and SourcesFile for the hsds directory source.")]
    [InlineData("missing.json", null, "Nhtrc:OpenReferral:Location: there is no file or folder '")]
    [InlineData(null, "missing-sources.json", "Nhtrc:OpenReferral:SourcesFile: cannot read '")]
    [InlineData("https://someone:secret@hsds.example.org/api", null, "Nhtrc:OpenReferral:Location: source hsds: ")]
    public void Validation_NamesTheOptionAndItsPath(string? location, string? sourcesFile, string expected)
    {
        using var host = Host(new() { ["Nhtrc:Referrals:Source"] = "hsds", ["Nhtrc:OpenReferral:Location"] = location, ["Nhtrc:OpenReferral:SourcesFile"] = sourcesFile }, contentRoot: folder);
        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(error.Failures, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void ALocationWithCredentials_IsRefused_WithoutShowingThem()
    {
        using var host = Host(new() { ["Nhtrc:Referrals:Source"] = "hsds", ["Nhtrc:OpenReferral:Location"] = "https://someone:secret@hsds.example.org/api" });
        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
        var failure = Assert.Single(error.Failures);
        Assert.Contains("must not carry a user name or password", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenTheSdksOwnOptionsAreInvalid_TheirProblemsAreReportedOnce()
    {
        using var host = Host(new() { ["Nhtrc:Referrals:Source"] = "hsds", ["Nhtrc:Referrals:ReferralCount"] = "0" });
        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Single(error.Failures, f => f.Contains("ReferralCount", StringComparison.Ordinal));
    }

    [Fact]
    public void AnAppsOwnHsdsSource_RegisteredBefore_IsKept()
    {
        var mine = new JsonFileDirectorySource(Path.Combine(folder, "mine.json"));
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddNhtrcDirectorySource("hsds", _ => mine);
        builder.Services.AddNhtrcOpenReferral(o => o.Location = "unused.json");
        builder.Services.AddNhtrc(o => o.Referrals.Source = "hsds");
        using var host = builder.Build();
        Assert.Same(mine, host.Services.GetRequiredService<IReferralDirectorySource>());
    }

    [Fact]
    public void WithoutTheOpenReferralRegistration_HsdsIsNotASource()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddNhtrc(o => o.Referrals.Source = "hsds");
        using var host = builder.Build();
        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(error.Failures, f => f.Contains("Nhtrc:Referrals:Source: no directory source is named 'hsds'", StringComparison.Ordinal));
    }

    private static IHost Host(System.Collections.Generic.Dictionary<string, string?> settings, string? contentRoot = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = contentRoot ?? AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddNhtrc(builder.Configuration.GetSection("Nhtrc"));
        builder.Services.AddNhtrcOpenReferral(builder.Configuration.GetSection(OpenReferralOptions.SectionName));
        builder.Services.AddNhtrcOpenReferral();
        return builder.Build();
    }
}
