using System.Linq;
using Nhtrc.Sdk.Contacts;

namespace Nhtrc.Sdk.Tests.Fixtures;

/// <summary>
/// Describes a <see cref="Contact"/> completely, through its public members: every field of the contact, the
/// caller (location and personal data revealed, since fixtures hold only synthetic data), every signal and every consent.
/// </summary>
internal static class ContactDescriber
{
    public static string Describe(Contact contact)
    {
        var w = new DescriptionWriter();
        using (w.Part("contact"))
        {
            w.Line("id", DescriptionWriter.Text(contact.Id));
            w.Line("received at", DescriptionWriter.Instant(contact.ReceivedAt));
            w.Line("channel", StableLabels.Of(contact.Channel));
            w.Line("request kind", StableLabels.Of(contact.RequestKind));
            w.Items("technical assistance", contact.TechnicalAssistance.Select(StableLabels.Of));
            w.Items("referral needs", contact.ReferralNeeds.Select(n => n.Id));
            Caller(w, contact.Caller);
            Signals(w, contact.Signals);
            w.Each("consents", "consent", contact.Consents, consent => Consent(w, consent));
        }

        return w.ToString();
    }

    private static void Caller(DescriptionWriter w, Caller caller)
    {
        using (w.Part("caller"))
        {
            w.Line("role", StableLabels.Of(caller.Role));
            w.Line("anonymous", DescriptionWriter.Flag(caller.IsAnonymous));
            w.Line("preferred language", $"{caller.PreferredLanguage.Value} (language {caller.PreferredLanguage.Language})");
            if (caller.Location is not { } location)
            {
                w.Line("location", DescriptionWriter.None);
            }
            else
            {
                using (w.Part("location"))
                {
                    w.Line("zip", DescriptionWriter.Text(location.Zip));
                    w.Line("county fips", DescriptionWriter.Text(location.CountyFips));
                    w.Line("state", DescriptionWriter.Text(location.State));
                    w.Line("point", location.Point is { } point ? DescriptionWriter.Point(point) : DescriptionWriter.None);
                }
            }

            if (caller.PersonalData is not { } data)
            {
                w.Line("personal data", DescriptionWriter.None);
                return;
            }

            using (w.Part("personal data"))
            {
                w.Line("empty", DescriptionWriter.Flag(data.IsEmpty));
                w.Line("name", DescriptionWriter.Text(data.Name?.Reveal()));
                w.Line("phone", DescriptionWriter.Text(data.Phone?.Reveal()));
                w.Line("email", DescriptionWriter.Text(data.Email?.Reveal()));
                w.Line("address", DescriptionWriter.Text(data.Address?.Reveal()));
                w.Line("narrative", DescriptionWriter.Text(data.Narrative?.Reveal()));
            }
        }
    }

    private static void Signals(DescriptionWriter w, ContactSignals s)
    {
        using (w.Part("signals"))
        {
            w.Line("immediate danger", DescriptionWriter.Flag(s.ImmediateDanger));
            w.Line("minor involved", DescriptionWriter.Flag(s.MinorInvolved));
            w.Line("victim currently in situation", DescriptionWriter.Flag(s.VictimCurrentlyInSituation));
            w.Line("medical emergency", DescriptionWriter.Flag(s.MedicalEmergency));
            w.Line("response needed within 24 hours", DescriptionWriter.Flag(s.ResponseNeededWithin24Hours));
            w.Line("caller is victim", DescriptionWriter.Flag(s.CallerIsVictim));
            w.Line("caller has direct knowledge", DescriptionWriter.Flag(s.CallerHasDirectKnowledge));
            w.Line("force, fraud or coercion indicated", DescriptionWriter.Flag(s.ForceFraudOrCoercionIndicated));
            w.Line("foreign national", DescriptionWriter.Flag(s.ForeignNational));
            w.Line("needs shelter tonight", DescriptionWriter.Flag(s.NeedsShelterTonight));
            w.Line("language interpretation needed", DescriptionWriter.Flag(s.LanguageInterpretationNeeded));
            w.Line("trafficking type", StableLabels.Of(s.TraffickingType));
            if (s.Age is { } age)
            {
                // Fixtures written before ages existed have none, so their goldens have no such line.
                w.Line("age", $"from {age.Minimum} to {age.Maximum}");
            }
        }
    }

    private static void Consent(DescriptionWriter w, Consent consent)
    {
        w.Line("scope", StableLabels.Of(consent.Scope));
        w.Line("recipient", DescriptionWriter.Text(consent.Recipient));
        w.Line("granted at", DescriptionWriter.Instant(consent.GrantedAt));
        w.Line("expires at", DescriptionWriter.Instant(consent.ExpiresAt));
        w.Line("revoked at", DescriptionWriter.Instant(consent.RevokedAt));
    }
}
