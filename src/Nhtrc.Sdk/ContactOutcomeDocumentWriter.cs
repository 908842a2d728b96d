using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Triage;
using NodaTime.Text;

namespace Nhtrc.Sdk;

/// <summary>Turns a <see cref="ContactOutcome"/> into its result document, embedding the triage and referral result documents.</summary>
internal static class ContactOutcomeDocumentWriter
{
    public static ContactOutcomeDocument ToDocument(ContactOutcome outcome)
    {
        var referrals = outcome.Referrals;
        var client = referrals.Client;
        return new ContactOutcomeDocument
        {
            ContactId = outcome.ContactId,
            At = InstantPattern.ExtendedIso.Format(outcome.At),
            Urgency = WireName<Urgency>.Of(outcome.Urgency),
            Triage = TriageOutcomeJson.Format.ToDocument(outcome.Triage),
            Referrals = new ContactReferralsDocument
            {
                Needs = [.. referrals.Needs.Select(WireName<ServiceType>.Of)],
                SkippedNeeds = [.. referrals.SkippedNeeds.Select(n => n.Id)],
                Client = new ClientProfileDocument
                {
                    Age = client.Age is { } age ? new AgeRangeDocument { Min = age.Minimum, Max = age.Maximum } : null,
                    Gender = client.Gender is { } gender ? WireName<Gender>.Of(gender) : null,
                    TraffickingType = WireName<TraffickingType>.Of(client.TraffickingType),
                    ImmigrationStatus = client.ImmigrationStatus is { } status ? WireName<ImmigrationStatus>.Of(status) : null,
                },
                Language = referrals.Language.Value,
                Searched = referrals.IsSearched,
                NotSearchedReason = referrals.NotSearchedReason,
                Result = referrals.Result is { } result ? ReferralResultJson.Format.ToDocument(result) : null,
            },
        };
    }
}
