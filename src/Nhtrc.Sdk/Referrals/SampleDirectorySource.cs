using System.Threading;
using System.Threading.Tasks;

namespace Nhtrc.Sdk.Referrals;

/// <summary>The embedded fictional sample directory (<see cref="ReferralDirectory.Sample"/>) as a source: the default, named <c>sample</c>.</summary>
internal sealed class SampleDirectorySource : IReferralDirectorySource
{
    public const string SourceName = "sample";

    public string Name => SourceName;

    public ValueTask<ReferralDirectoryLoad> LoadAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var directory = ReferralDirectory.Sample;
        return ValueTask.FromResult(new ReferralDirectoryLoad(directory, DirectoryImportReport.ForDirectory(Name, directory, [])));
    }

    public override string ToString() => "SampleDirectorySource";
}
