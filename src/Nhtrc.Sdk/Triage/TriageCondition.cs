using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Triage.Json;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Triage;

/// <summary>
/// A test of a contact that decides whether a <see cref="TriageRule"/> applies: a simple predicate over the
/// request kind, channel, caller role, signals, trafficking type, anonymity or consents, or an <see cref="All"/>,
/// <see cref="Any"/> or <see cref="Not"/> of other conditions. Immutable and thread-safe; never reads
/// personal data. <see cref="ToString"/> gives the JSON-like form used in docs/triage.md, such as
/// <c>all(requestKind in [tip], signal immediateDanger)</c>.
/// </summary>
public abstract class TriageCondition
{
    private protected TriageCondition()
    {
    }

    /// <summary>A condition every contact meets (the empty <see cref="All"/>).</summary>
    public static TriageCondition Always { get; } = new Combination(true, []);

    /// <summary>True when the condition or one inside it tests consent, which limits what its rule may do.</summary>
    internal abstract bool TestsConsent { get; }

    /// <summary>Met when every one of <paramref name="conditions"/> is met; an empty list is always met.</summary>
    /// <exception cref="ArgumentNullException">The list or an element is null.</exception>
    public static TriageCondition All(params IEnumerable<TriageCondition> conditions) => new Combination(true, NotNull(conditions));

    /// <summary>Met when at least one of <paramref name="conditions"/> is met.</summary>
    /// <exception cref="ArgumentNullException">The list or an element is null.</exception>
    /// <exception cref="NhtrcValidationException">The list is empty (it could never be met).</exception>
    public static TriageCondition Any(params IEnumerable<TriageCondition> conditions)
    {
        var list = NotNull(conditions);
        if (list.IsEmpty)
        {
            throw new NhtrcValidationException("triage condition", [new ValidationProblem("any", "must list at least one condition.")]);
        }

        return new Combination(false, list);
    }

    /// <summary>Met when <paramref name="condition"/> is not.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="condition"/> is null.</exception>
    public static TriageCondition Not(TriageCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return new Negation(condition);
    }

    /// <summary>Met when the contact's request kind is one of <paramref name="kinds"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="kinds"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The list is empty or holds an undefined value.</exception>
    public static TriageCondition RequestKindIn(params IEnumerable<RequestKind> kinds) =>
        new EnumTest<RequestKind>("requestKind", Checked(kinds, "requestKind"), c => c.RequestKind);

    /// <summary>Met when the contact came in on one of <paramref name="channels"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="channels"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The list is empty or holds an undefined value.</exception>
    public static TriageCondition ChannelIn(params IEnumerable<ContactChannel> channels) =>
        new EnumTest<ContactChannel>("channel", Checked(channels, "channel"), c => c.Channel);

    /// <summary>Met when the caller's role is one of <paramref name="roles"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="roles"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The list is empty or holds an undefined value.</exception>
    public static TriageCondition RoleIn(params IEnumerable<CallerRole> roles) =>
        new EnumTest<CallerRole>("role", Checked(roles, "role"), c => c.Caller.Role);

    /// <summary>Met when the contact's <see cref="ContactSignals.TraffickingType"/> is one of <paramref name="types"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="types"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The list is empty or holds an undefined value.</exception>
    public static TriageCondition TraffickingTypeIn(params IEnumerable<TraffickingType> types) =>
        new EnumTest<TraffickingType>("traffickingType", Checked(types, "traffickingType"), c => c.Signals.TraffickingType);

    /// <summary>Met when the advocate recorded <paramref name="signal"/> as true.</summary>
    /// <exception cref="NhtrcValidationException"><paramref name="signal"/> is not defined.</exception>
    public static TriageCondition Signal(TriageSignal signal)
    {
        if (!Enum.IsDefined(signal))
        {
            throw new NhtrcValidationException("triage condition", [new ValidationProblem("signal", $"is not a defined {nameof(TriageSignal)} value.")]);
        }

        return new SignalTest(signal);
    }

    /// <summary>Met when <see cref="Caller.IsAnonymous"/> equals <paramref name="anonymous"/>.</summary>
    public static TriageCondition Anonymous(bool anonymous) => anonymous ? AnonymousTest.Yes : AnonymousTest.No;

    /// <summary>
    /// Met when the contact holds a consent valid at the triage instant for <paramref name="scope"/> and
    /// <paramref name="recipient"/> (see <see cref="Contact.HasConsent"/>). A rule using it may only escalate:
    /// consent is never a condition of service.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="recipient"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The scope is undefined or the recipient is not a valid id.</exception>
    public static TriageCondition HasConsent(ConsentScope scope, string recipient)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var problems = new ProblemList();
        ValidateConsent(problems, string.Empty, scope, recipient);
        problems.ThrowIfAny("triage condition");
        return new ConsentTest(scope, recipient.ToLowerInvariant());
    }

    /// <summary>True when <paramref name="contact"/>, triaged at <paramref name="at"/>, meets this condition.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="contact"/> is null.</exception>
    public bool Matches(Contact contact, Instant at)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return Test(contact, at);
    }

    /// <summary>Returns the condition in the form used by docs/triage.md, for example <c>not(signal minorInvolved)</c>.</summary>
    public override string ToString() => Append(new StringBuilder()).ToString();

    internal abstract bool Test(Contact contact, Instant at);

    internal abstract StringBuilder Append(StringBuilder text);

    /// <summary>The condition in the triage rules document (docs/triage.md); <see cref="Always"/> is an empty <c>all</c>.</summary>
    internal abstract TriageConditionDocument ToDocument();

    internal static void ValidateConsent(ProblemList problems, string prefix, ConsentScope scope, string? recipient)
    {
        problems.Check(prefix + "scope", ContactRules.Defined(scope));
        problems.Check(prefix + "recipient", ContactRules.Recipient(recipient));
    }

    private static ImmutableArray<TriageCondition> NotNull(IEnumerable<TriageCondition> conditions)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var list = conditions.ToImmutableArray();
        return list.Contains(null!) ? throw new ArgumentNullException(nameof(conditions), "The list contains null.") : list;
    }

    private static ImmutableArray<T> Checked<T>(IEnumerable<T> values, string name)
        where T : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.Distinct().ToImmutableArray();
        var problems = new ProblemList();
        if (list.IsEmpty)
        {
            problems.Add(name, "must list at least one value.");
        }

        for (var i = 0; i < list.Length; i++)
        {
            problems.Check($"{name}[{i}]", ContactRules.Defined(list[i]));
        }

        problems.ThrowIfAny("triage condition");
        return list;
    }

    private sealed class Combination(bool all, ImmutableArray<TriageCondition> conditions) : TriageCondition
    {
        internal override bool TestsConsent => conditions.Any(c => c.TestsConsent);

        internal override bool Test(Contact contact, Instant at)
        {
            foreach (var condition in conditions)
            {
                if (condition.Test(contact, at) != all)
                {
                    return !all;
                }
            }

            return all;
        }

        internal override StringBuilder Append(StringBuilder text)
        {
            text.Append(all ? "all(" : "any(");
            for (var i = 0; i < conditions.Length; i++)
            {
                conditions[i].Append(i == 0 ? text : text.Append(", "));
            }

            return text.Append(')');
        }

        internal override TriageConditionDocument ToDocument()
        {
            var items = conditions.Select(c => (TriageConditionDocument?)c.ToDocument()).ToList();
            return all ? new TriageConditionDocument { All = items } : new TriageConditionDocument { Any = items };
        }
    }

    private sealed class Negation(TriageCondition inner) : TriageCondition
    {
        internal override bool TestsConsent => inner.TestsConsent;

        internal override bool Test(Contact contact, Instant at) => !inner.Test(contact, at);

        internal override StringBuilder Append(StringBuilder text) => inner.Append(text.Append("not(")).Append(')');

        internal override TriageConditionDocument ToDocument() => new() { Not = inner.ToDocument() };
    }

    private sealed class EnumTest<T> : TriageCondition
        where T : struct, Enum
    {
        private readonly string name;
        private readonly ImmutableArray<T> values;
        private readonly Func<Contact, T> read;
        private readonly ulong mask;

        public EnumTest(string name, ImmutableArray<T> values, Func<Contact, T> read)
        {
            this.name = name;
            this.values = values;
            this.read = read;
            foreach (var value in values)
            {
                mask |= 1UL << Bit(value);
            }
        }

        internal override bool TestsConsent => false;

        internal override bool Test(Contact contact, Instant at)
        {
            var bit = Bit(read(contact));
            return (uint)bit < 64 && (mask & (1UL << bit)) != 0;
        }

        // Every enum tested here is int-backed; reading it as an int avoids boxing on the hot path.
        private static int Bit(T value) => Unsafe.As<T, int>(ref value);

        internal override StringBuilder Append(StringBuilder text)
        {
            text.Append(name).Append(" in [");
            for (var i = 0; i < values.Length; i++)
            {
                text.Append(i == 0 ? string.Empty : ", ").Append(WireName<T>.Of(values[i]));
            }

            return text.Append(']');
        }

        internal override TriageConditionDocument ToDocument()
        {
            var names = values.Select(v => (string?)WireName<T>.Of(v)).ToList();
            return name switch
            {
                "requestKind" => new TriageConditionDocument { RequestKind = names },
                "channel" => new TriageConditionDocument { Channel = names },
                "role" => new TriageConditionDocument { Role = names },
                _ => new TriageConditionDocument { TraffickingType = names },
            };
        }
    }

    private sealed class SignalTest(TriageSignal signal) : TriageCondition
    {
        internal override bool TestsConsent => false;

        internal override bool Test(Contact contact, Instant at)
        {
            var s = contact.Signals;
            return signal switch
            {
                TriageSignal.ImmediateDanger => s.ImmediateDanger,
                TriageSignal.MinorInvolved => s.MayInvolveMinor,
                TriageSignal.VictimCurrentlyInSituation => s.VictimCurrentlyInSituation,
                TriageSignal.MedicalEmergency => s.MedicalEmergency,
                TriageSignal.ResponseNeededWithin24Hours => s.ResponseNeededWithin24Hours,
                TriageSignal.CallerIsVictim => s.CallerIsVictim,
                TriageSignal.CallerHasDirectKnowledge => s.CallerHasDirectKnowledge,
                TriageSignal.ForceFraudOrCoercionIndicated => s.ForceFraudOrCoercionIndicated,
                TriageSignal.ForeignNational => s.ForeignNational,
                TriageSignal.NeedsShelterTonight => s.NeedsShelterTonight,
                TriageSignal.LanguageInterpretationNeeded => s.LanguageInterpretationNeeded,
                _ => false,
            };
        }

        internal override StringBuilder Append(StringBuilder text) => text.Append("signal ").Append(WireName<TriageSignal>.Of(signal));

        internal override TriageConditionDocument ToDocument() => new() { Signal = WireName<TriageSignal>.Of(signal) };
    }

    private sealed class AnonymousTest(bool anonymous) : TriageCondition
    {
        public static readonly AnonymousTest Yes = new(true);
        public static readonly AnonymousTest No = new(false);

        internal override bool TestsConsent => false;

        internal override bool Test(Contact contact, Instant at) => contact.Caller.IsAnonymous == anonymous;

        internal override StringBuilder Append(StringBuilder text) => text.Append("anonymous ").Append(anonymous ? "true" : "false");

        internal override TriageConditionDocument ToDocument() => new() { Anonymous = anonymous };
    }

    private sealed class ConsentTest(ConsentScope scope, string recipient) : TriageCondition
    {
        internal override bool TestsConsent => true;

        internal override bool Test(Contact contact, Instant at) => contact.HasConsent(at, scope, recipient);

        internal override StringBuilder Append(StringBuilder text) =>
            text.Append("hasConsent ").Append(WireName<ConsentScope>.Of(scope)).Append(" to ").Append(recipient);

        internal override TriageConditionDocument ToDocument() =>
            new() { HasConsent = new ConsentTestDocument { Scope = WireName<ConsentScope>.Of(scope), Recipient = recipient } };
    }
}
