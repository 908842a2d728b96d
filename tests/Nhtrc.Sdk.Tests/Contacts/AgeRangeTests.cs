using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Tests.Schemas;
using Nhtrc.Sdk.Triage;
using Nhtrc.Sdk.Validation;
using static Nhtrc.Sdk.Tests.Triage.TriageExamples;

namespace Nhtrc.Sdk.Tests.Contacts;

public class AgeRangeTests
{
    private const string WithAge = """
        {"id":"c-1","receivedAt":"2026-07-02T22:59:00Z","channel":"phone","requestKind":"tip",
         "caller":{"role":"communityMember","preferredLanguage":"en"},
         "signals":{"age":AGE}}
        """;

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(17, 17, true)]
    [InlineData(18, 18, false)]
    [InlineData(16, 19, true)]
    [InlineData(18, 125, false)]
    public void MayBeMinor_IsTrue_WhenTheRangeReachesBelow18(int minimum, int maximum, bool minor)
    {
        var age = AgeRange.Between(minimum, maximum);

        Assert.Equal(minor, age.MayBeMinor);
        Assert.Equal(minimum == maximum, age.IsExact);
        Assert.Equal(minimum == maximum ? $"{minimum}" : $"{minimum}-{maximum}", age.ToString());
    }

    [Fact]
    public void Between_NamesEveryProblem()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => AgeRange.Between(-1, 126));
        Assert.Equal(["minimum", "maximum"], e.Problems.Select(p => p.Location));

        e = Assert.Throws<NhtrcValidationException>(() => AgeRange.Between(30, 20));
        Assert.Equal("maximum: must not be less than the minimum (30).", Assert.Single(e.Problems).ToString());
        Assert.Throws<NhtrcValidationException>(() => AgeRange.Exactly(200));
    }

    [Property]
    public Property Includes_ExactlyTheAgesBetweenTheBounds(byte a, byte b, byte age)
    {
        var (low, high) = (System.Math.Min(a % 126, b % 126), System.Math.Max(a % 126, b % 126));
        var range = AgeRange.Between(low, high);
        return (range.Includes(age) == Enumerable.Range(low, high - low + 1).Contains(age)).ToProperty();
    }

    [Property]
    public Property AContactsAge_WrittenThenRead_IsEqual(byte a, byte b)
    {
        var (low, high) = (System.Math.Min(a % 126, b % 126), System.Math.Max(a % 126, b % 126));
        var contact = Contact(signals: new ContactSignals { Age = AgeRange.Between(low, high) });

        var json = ContactJson.Serialize(contact);
        var back = ContactJson.Parse(json);
        return (back == contact && back.Signals.Age == AgeRange.Between(low, high)).ToProperty()
            .And(DocumentSchemas.Problems("contact.schema.json", json).Count == 0);
    }

    [Fact]
    public void Parse_ReadsMinAndMax()
    {
        var contact = ContactJson.Parse(WithAge.Replace("AGE", """{"min":15,"max":17}"""));
        Assert.Equal(AgeRange.Between(15, 17), contact.Signals.Age);
        Assert.True(contact.Signals.MayInvolveMinor);
        Assert.False(contact.Signals.MinorInvolved);
    }

    [Theory]
    [InlineData("""{"min":15}""", "$.signals.age.max: is required.")]
    [InlineData("""{"max":15}""", "$.signals.age.min: is required.")]
    [InlineData("""{"min":20,"max":15}""", "$.signals.age.max: must not be less than the minimum (20).")]
    [InlineData("""{"min":-1,"max":15}""", "$.signals.age.min: must be from 0 to 125.")]
    [InlineData("""{"min":1,"max":15,"years":3}""", "$.signals.age.years: is not a known property.")]
    public void Parse_BadAge_NamesTheProblemAndItsPath(string age, string problem)
    {
        var e = Assert.Throws<NhtrcValidationException>(() => ContactJson.Parse(WithAge.Replace("AGE", age)));
        Assert.Equal(problem, Assert.Single(e.Problems).ToString());
    }

    [Theory]
    [InlineData(16, 16, true)]
    [InlineData(17, 19, true)]
    [InlineData(18, 18, false)]
    [InlineData(25, 40, false)]
    public void Triage_AStatedAgeUnder18_TakesTheMinorPath_WithoutTheFlag(int minimum, int maximum, bool minor)
    {
        var outcome = TriageAt(Contact(RequestKind.Tip, new ContactSignals { Age = AgeRange.Between(minimum, maximum) }));

        Assert.Equal(minor, outcome.FiredRules.Any(r => r.Id == "minor-may-be-abused"));
        Assert.Equal(minor, outcome.Escalations.Any(e => e.Kind == EscalationKind.ChildWelfare && e.IsMade));
        Assert.Equal(!minor, outcome.FiredRules.Any(r => r.Id == "adult-law-enforcement-with-consent"));
    }
}
