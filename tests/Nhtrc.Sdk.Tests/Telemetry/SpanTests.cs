using System;
using System.Diagnostics;
using System.Linq;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Telemetry;
using Nhtrc.Sdk.Triage;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Telemetry;

/// <summary>The spans of docs/telemetry.md, seen by an <see cref="ActivityListener"/>, with their tags and failures.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class SpanTests
{
    [Fact]
    public void Triage_IsOneSpan_WithBoundedTags()
    {
        using var spans = new SpanRecorder();

        var outcome = TriageEngine.NhtrcDefault.Triage(TelemetryExamples.PlantedCrisis(), TelemetryExamples.ThursdayAfternoon);

        var span = spans.Single("nhtrc.triage");
        Assert.Equal(ActivityKind.Internal, span.Kind);
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal("crisis", span.GetTagItem("nhtrc.request.kind"));
        Assert.Equal("chat", span.GetTagItem("nhtrc.contact.channel"));
        Assert.Equal("urgent", span.GetTagItem("nhtrc.urgency"));
        Assert.Equal("twentyFourSevenLine", span.GetTagItem("nhtrc.triage.queue"));
        Assert.Equal(outcome.FiredRules.Length, span.GetTagItem("nhtrc.triage.rules_fired"));
        Assert.Equal(3, span.GetTagItem("nhtrc.triage.escalations"));
        Assert.Equal(6, span.TagObjects.Count());
    }

    [Fact]
    public void Triage_ThatThrows_EndsItsSpanAsAnError_NamingOnlyTheExceptionType()
    {
        using var spans = new SpanRecorder();
        var contact = TelemetryExamples.PlantedCrisis();

        var thrown = Assert.Throws<ArgumentOutOfRangeException>(() => TriageEngine.NhtrcDefault.Triage(contact, contact.ReceivedAt - NodaTime.Duration.FromMinutes(1)));

        var span = spans.Single("nhtrc.triage");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(ArgumentOutOfRangeException).FullName, span.StatusDescription);
        Assert.Equal(typeof(ArgumentOutOfRangeException).FullName, span.GetTagItem("error.type"));
        Assert.DoesNotContain(span.TagObjects, t => t.Value is string s && s.Contains(thrown.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Match_IsOneSpan_WithThePlaceKindOnly_AndTheCounts()
    {
        var directory = ReferralDirectory.Sample;
        using var spans = new SpanRecorder();

        var result = directory.Match(MetricsTests.ShelterQuery(ReferralPlace.FromZip(TelemetryExamples.Zip), count: 3));

        var span = spans.Single("nhtrc.referrals.match");
        Assert.Equal(ActivityKind.Internal, span.Kind);
        Assert.Equal("urgent", span.GetTagItem("nhtrc.urgency"));
        Assert.Equal("zip", span.GetTagItem("nhtrc.referrals.place.kind"));
        Assert.Equal("public", span.GetTagItem("nhtrc.referrals.audience"));
        Assert.Equal(1, span.GetTagItem("nhtrc.referrals.needs"));
        Assert.Equal(result.EligibleCount, span.GetTagItem("nhtrc.referrals.eligible"));
        Assert.Equal(3, span.GetTagItem("nhtrc.referrals.matches"));
        Assert.Equal(6, span.TagObjects.Count());
    }

    [Fact]
    public void Pipeline_TriageAndMatch_AreSiblingSpans_UnderTheCurrentSpan()
    {
        var directory = ReferralDirectory.Sample;
        using var spans = new SpanRecorder();
        var parent = Activity.Current!;

        ContactPipeline.NhtrcDefault.Process(TelemetryExamples.PlantedCrisis(), directory, TelemetryExamples.ThursdayAfternoon);

        Assert.Equal(["nhtrc.triage", "nhtrc.referrals.match"], spans.Spans.Select(s => s.OperationName));
        Assert.All(spans.Spans, s => Assert.Equal(parent.SpanId, s.ParentSpanId));
    }

    [Fact]
    public void DirectoryLoad_IsOneSpan_WithTheDirectorysCounts()
    {
        var json = ReferralDirectoryJson.Serialize(ReferralDirectory.Sample);
        using var spans = new SpanRecorder();

        var directory = ReferralDirectoryJson.Parse(json);

        var span = spans.Single("nhtrc.directory.load");
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Equal(directory.Organizations.Length, span.GetTagItem("nhtrc.directory.organizations"));
        Assert.Equal(directory.ServiceCount, span.GetTagItem("nhtrc.directory.services"));
        Assert.Equal(2, span.TagObjects.Count());
    }

    [Fact]
    public async System.Threading.Tasks.Task DirectoryLoad_EveryVerb_IsOneSpan()
    {
        var json = ReferralDirectoryJson.Serialize(ReferralDirectory.Create([ReferralDirectory.Sample.Organizations[0]]));
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var file = System.IO.Path.GetTempFileName();
        try
        {
            await System.IO.File.WriteAllBytesAsync(file, bytes);
            using var spans = new SpanRecorder();

            ReferralDirectoryJson.Parse(json);
            ReferralDirectoryJson.Parse(bytes.AsSpan());
            ReferralDirectoryJson.Load(new System.IO.MemoryStream(bytes));
            await ReferralDirectoryJson.LoadAsync(new System.IO.MemoryStream(bytes));
            ReferralDirectoryJson.LoadFile(file);
            await ReferralDirectoryJson.LoadFileAsync(file);

            Assert.Equal(6, spans.Spans.Count(s => s.OperationName == "nhtrc.directory.load"));
        }
        finally
        {
            System.IO.File.Delete(file);
        }
    }

    [Fact]
    public void DirectoryLoad_OfAnInvalidDocument_IsAnError_WithTheProblemCount_AndNoMessage()
    {
        using var spans = new SpanRecorder();

        var thrown = Assert.Throws<NhtrcValidationException>(() => ReferralDirectoryJson.Parse("""{"organizations":[{"id":""}]}"""));

        var span = spans.Single("nhtrc.directory.load");
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal(typeof(NhtrcValidationException).FullName, span.GetTagItem("error.type"));
        Assert.Equal(thrown.Problems.Length, span.GetTagItem("nhtrc.directory.problems"));
        Assert.True(thrown.Problems.Length > 0);
        Assert.Equal(2, span.TagObjects.Count());
    }

    [Fact]
    public void Triage_WithoutAListener_StartsNoSpan()
    {
        Assert.False(NhtrcTelemetry.Source.HasListeners());
        Assert.Null(NhtrcSpans.Start(NhtrcSpans.Triage));
    }
}
