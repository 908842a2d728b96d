using System.Linq;
using Nhtrc.Sdk.ResponseTimes;

namespace Nhtrc.Sdk.Tests.Fixtures;

/// <summary>Describes a <see cref="ResponsePolicy"/> through its public members: id, business calendar, and every rule with its target and due time.</summary>
internal static class ResponsePolicyDescriber
{
    public static string Describe(ResponsePolicy policy)
    {
        var w = new DescriptionWriter();
        using (w.Part("response policy"))
        {
            w.Line("id", DescriptionWriter.Text(policy.Id));
            using (w.Part("business calendar"))
            {
                ServiceCalendarDescriber.Describe(w, policy.BusinessCalendar);
            }

            w.Each("rules", "rule", policy.Rules, rule =>
            {
                w.Line("id", DescriptionWriter.Text(rule.Id));
                w.Line("urgency", StableLabels.Of(rule.Urgency));
                w.Items("channels", rule.Channels.Select(StableLabels.Of));
                w.Line("target", Target(rule.Target));
                w.Line("due", Target(rule.Due));
            });
        }

        return w.ToString();
    }

    private static string Target(ResponseTarget target) =>
        $"{StableLabels.Of(target.Kind)}, amount {DescriptionWriter.Duration(target.Amount)}, days {DescriptionWriter.Number(target.Days)}";
}
