namespace Nhtrc.Sdk.Resources;

/// <summary>
/// The form a resource material takes. JSON names are the camelCase member names (<c>factSheet</c>,
/// <c>trainingCurriculum</c>). The default value (0) is not a format and is rejected.
/// </summary>
public enum ResourceFormat
{
    /// <summary>A one- or two-page summary of facts.</summary>
    FactSheet = 1,

    /// <summary>A set of practical materials (checklists, templates, guidance) for putting something into practice.</summary>
    Toolkit = 2,

    /// <summary>A research, data or policy report.</summary>
    Report = 3,

    /// <summary>A recorded or scheduled online seminar.</summary>
    Webinar = 4,

    /// <summary>A video.</summary>
    Video = 5,

    /// <summary>A poster for display, for example where the hotline number must be posted.</summary>
    Poster = 6,

    /// <summary>A folded leaflet or pamphlet.</summary>
    Brochure = 7,

    /// <summary>A multi-session training curriculum with facilitator materials.</summary>
    TrainingCurriculum = 8,

    /// <summary>A screening or assessment instrument.</summary>
    ScreeningTool = 9,

    /// <summary>A how-to guide or manual.</summary>
    Guide = 10,

    /// <summary>A visual summary such as an infographic or a wallet card.</summary>
    Infographic = 11,

    /// <summary>A short brief for policy makers.</summary>
    PolicyBrief = 12,
}
