using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Referrals;

public sealed class DirectorySourceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nhtrc-source-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task The_sample_directory_loads_with_its_counts_and_no_issues()
    {
        var sample = ReferralDirectory.Sample;
        var path = Write("sample.json", ReferralDirectoryJson.Serialize(sample));
        var source = new JsonFileDirectorySource(path);
        Assert.IsAssignableFrom<IReferralDirectorySource>(source);

        var load = await source.LoadAsync();

        Assert.Equal(ReferralDirectoryJson.Serialize(sample), ReferralDirectoryJson.Serialize(load.Directory));
        Assert.Equal(sample.Organizations.Length, load.Report.CountOf("organizations"));
        Assert.Equal(sample.ServiceCount, load.Report.CountOf("services"));
        Assert.Equal(["organizations", "services"], load.Report.Counts.Keys.ToArray());
        Assert.Empty(load.Report.Issues);
        Assert.False(load.Report.HasErrors);
        Assert.Equal("json:sample.json", load.Report.Source);
        Assert.Equal(source.Name, load.Report.Source);
    }

    [Fact]
    public async Task Each_load_reads_the_file_again()
    {
        var path = Write("d.json", DirectoryJsonTests.Valid);
        var source = new JsonFileDirectorySource(path);
        var first = await source.LoadAsync();
        File.WriteAllText(path, ReferralDirectoryJson.Serialize(ReferralDirectory.Sample));
        var second = await source.LoadAsync();
        Assert.NotEqual(first.Report.CountOf("services"), second.Report.CountOf("services"));
        Assert.Equal(ReferralDirectory.Sample.ServiceCount, second.Report.CountOf("services"));
    }

    [Fact]
    public async Task A_canceled_token_stops_the_load()
    {
        var path = Write("d.json", DirectoryJsonTests.Valid);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new JsonFileDirectorySource(path).LoadAsync(cts.Token).AsTask());
    }

    [Theory]
    [InlineData("{ \"formatVersion\": 1, \"organizations\": [")]
    [InlineData("{ \"formatVersion\": 1 }")]
    [InlineData("[]")]
    public async Task A_bad_file_is_a_validation_exception(string text)
    {
        var path = Write("bad.json", text);
        await Assert.ThrowsAsync<NhtrcValidationException>(
            () => new JsonFileDirectorySource(path).LoadAsync().AsTask());
    }

    [Fact]
    public async Task A_missing_file_is_an_io_exception()
    {
        var source = new JsonFileDirectorySource(Path.Combine(_folder, "none.json"));
        await Assert.ThrowsAsync<FileNotFoundException>(() => source.LoadAsync().AsTask());
    }

    [Fact]
    public void The_name_hides_the_folder()
    {
        var source = new JsonFileDirectorySource("/home/someone/private/dir.json");
        Assert.Equal("json:dir.json", source.Name);
        Assert.DoesNotContain("someone", source.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_issue_shows_no_message_text()
    {
        var issue = new DirectoryImportIssue(DirectoryImportSeverity.Error, "hsds:feed", "svc-1", "$.contents[0]", "Jane Doe 555-0100");
        Assert.Equal("Error in hsds:feed at $.contents[0]", issue.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new DirectoryImportIssue((DirectoryImportSeverity)7, "s", null, "$", "m"));
    }

    [Fact]
    public void A_report_has_errors_only_when_an_issue_is_an_error()
    {
        var warning = new DirectoryImportIssue(DirectoryImportSeverity.Warning, "s", null, "$", "m");
        var error = new DirectoryImportIssue(DirectoryImportSeverity.Error, "s", "r", "$", "m");
        Assert.False(new DirectoryImportReport("s", [], [warning]).HasErrors);
        Assert.True(new DirectoryImportReport("s", [], [warning, error]).HasErrors);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new DirectoryImportReport("s", [new("services", -1)], []));
    }
}
