namespace Nhtrc.Sdk.Contacts;

/// <summary>
/// The six kinds of training and technical assistance (TTA) the hotline offers, from its fact sheet.
/// JSON names are the camelCase member names (<c>directReferral</c>, <c>speakersAndTrainers</c>).
/// </summary>
public enum TechnicalAssistanceKind
{
    /// <summary>A direct referral to local resources, trainers or anti-trafficking organizations.</summary>
    DirectReferral = 1,

    /// <summary>Public awareness materials (posters, brochures, indicator cards) to download or order.</summary>
    PublicAwarenessMaterials = 2,

    /// <summary>A phone consultation with hotline staff about a case, program or community response.</summary>
    PhoneConsultation = 3,

    /// <summary>A specialized request for information, statistics or research.</summary>
    SpecializedInformationRequest = 4,

    /// <summary>A review of materials produced by a third party (training curricula, outreach materials).</summary>
    ThirdPartyMaterialsReview = 5,

    /// <summary>A request for speakers or trainers for an event or training.</summary>
    SpeakersAndTrainers = 6,
}
