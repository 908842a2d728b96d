using System.Collections.Frozen;
using System.Collections.Generic;
using System.Globalization;
using Nhtrc.Sdk.Contacts;

namespace ReferralFinder.Localization;

/// <summary>
/// Every string of the page in one language. The members are required, so a language missing a string does not
/// compile; the tests check that the Spanish page shows none of the English ones.
/// </summary>
public sealed class UiText
{
    public required string LanguageCode { get; init; }

    public required string Title { get; init; }

    public required string Heading { get; init; }

    public required string Intro { get; init; }

    public required string SkipToContent { get; init; }

    public required string QuickExit { get; init; }

    public required string QuickExitHint { get; init; }

    public required string HotlineLabel { get; init; }

    public required string HotlineCall { get; init; }

    public required string HotlineText { get; init; }

    public required string HotlineAlways { get; init; }

    /// <summary>The name of the other language, in that language (the switch link).</summary>
    public required string OtherLanguageName { get; init; }

    public required string OtherLanguageCode { get; init; }

    public required string FormHeading { get; init; }

    public required string ZipLabel { get; init; }

    public required string ZipHint { get; init; }

    public required string UseMyLocation { get; init; }

    public required string LocationFound { get; init; }

    public required string LocationUnavailable { get; init; }

    public required string NeedsLegend { get; init; }

    public required string AgeLabel { get; init; }

    public required string OptionalHint { get; init; }

    public required string GenderLabel { get; init; }

    public required string GenderAny { get; init; }

    public required string GenderFemale { get; init; }

    public required string GenderMale { get; init; }

    public required string GenderNonBinary { get; init; }

    public required string LanguageLabel { get; init; }

    public required string LanguageAny { get; init; }

    public required string UrgentLabel { get; init; }

    public required string UrgentHint { get; init; }

    public required string Submit { get; init; }

    public required string ResultsHeading { get; init; }

    /// <summary>{0}: how many are shown, {1}: how many are eligible.</summary>
    public required string ResultsCount { get; init; }

    public required string NoResults { get; init; }

    public required string ErrorsHeading { get; init; }

    public required string ErrorPlaceRequired { get; init; }

    public required string ErrorZipFormat { get; init; }

    public required string ErrorZipUnknown { get; init; }

    public required string ErrorLocation { get; init; }

    public required string ErrorNeedsRequired { get; init; }

    public required string ErrorNeedUnknown { get; init; }

    public required string ErrorAge { get; init; }

    public required string ErrorGender { get; init; }

    public required string ErrorLanguage { get; init; }

    public required string DirectoryUnavailable { get; init; }

    public required string BadgeAlwaysOpen { get; init; }

    public required string BadgeOpenNow { get; init; }

    public required string BadgeClosedNow { get; init; }

    /// <summary>{0}: kilometres.</summary>
    public required string BadgeDistance { get; init; }

    public required string LanguagesLabel { get; init; }

    public required string WhyLabel { get; init; }

    public required string ContactLabel { get; init; }

    public required string WhereLabel { get; init; }

    public required string ConfidentialLocation { get; init; }

    public required string WebsiteLabel { get; init; }

    public required string ChannelPhone { get; init; }

    public required string ChannelText { get; init; }

    public required string ChannelChat { get; init; }

    public required string ChannelEmail { get; init; }

    public required string ChannelWebForm { get; init; }

    /// <summary>{0}: km, {1}: city, {2}: state.</summary>
    public required string FactorDistance { get; init; }

    public required string FactorZip { get; init; }

    public required string FactorRadius { get; init; }

    public required string FactorCounty { get; init; }

    public required string FactorState { get; init; }

    public required string FactorNational { get; init; }

    /// <summary>{0}: a language name.</summary>
    public required string FactorLanguageOffered { get; init; }

    /// <summary>{0}: a language name.</summary>
    public required string FactorLanguageNotListed { get; init; }

    public required string FactorAlwaysOpen { get; init; }

    /// <summary>{0}: a local time.</summary>
    public required string FactorOpenUntil { get; init; }

    public required string FactorOpen { get; init; }

    /// <summary>{0}: a day of the week, {1}: a local time.</summary>
    public required string FactorClosedOpens { get; init; }

    public required string FactorClosed { get; init; }

    public required string FactorWarmTransfer { get; init; }

    public required string FactorVerifiedToday { get; init; }

    public required string FactorVerifiedOneDay { get; init; }

    /// <summary>{0}: days.</summary>
    public required string FactorVerifiedDays { get; init; }

    /// <summary>{0}: covered, {1}: asked.</summary>
    public required string FactorNeeds { get; init; }

    public required string FactorAccepting { get; init; }

    public required string FactorWaitlist { get; init; }

    public required string FactorFull { get; init; }

    public required string Footer { get; init; }

    public required IReadOnlyDictionary<ServiceType, string> ServiceTypes { get; init; }

    /// <summary>Names of the languages the directory lists, by code.</summary>
    public required IReadOnlyDictionary<string, string> Languages { get; init; }

    public CultureInfo Culture => CultureInfo.GetCultureInfo(LanguageCode);

    public string ServiceTypeName(ServiceType type) => ServiceTypes.TryGetValue(type, out var name) ? name : type.ToString();

    /// <summary>The language's name, by its primary subtag (es-MX is Spanish); the code itself when not known.</summary>
    public string LanguageName(string code)
    {
        var dash = code.IndexOf('-', System.StringComparison.Ordinal);
        var primary = dash > 0 ? code[..dash] : code;
        return Languages.TryGetValue(primary, out var name) ? name : code;
    }

    public static UiText For(CultureInfo culture) => culture.TwoLetterISOLanguageName == "es" ? Spanish : English;

    public static UiText English { get; } = new()
    {
        LanguageCode = "en",
        Title = "Find help - national anti-trafficking hotline referrals",
        Heading = "Find help near you",
        Intro = "Enter a ZIP code or use your location, choose what you need, and see organizations that can help. Nothing you enter is saved.",
        SkipToContent = "Skip to the search",
        QuickExit = "Quick exit",
        QuickExitHint = "Leaves this site at once",
        HotlineLabel = "National hotline, 24/7:",
        HotlineCall = "Call",
        HotlineText = "Text",
        HotlineAlways = "Free and confidential, in English and Spanish.",
        OtherLanguageName = "Español",
        OtherLanguageCode = "es",
        FormHeading = "Search",
        ZipLabel = "ZIP code",
        ZipHint = "5 digits, for example 77002.",
        UseMyLocation = "Use my location",
        LocationFound = "Your location will be used instead of a ZIP code.",
        LocationUnavailable = "Your location is not available. Please enter a ZIP code.",
        NeedsLegend = "What do you need?",
        AgeLabel = "Age",
        OptionalHint = "Optional.",
        GenderLabel = "Gender",
        GenderAny = "Prefer not to say",
        GenderFemale = "Female",
        GenderMale = "Male",
        GenderNonBinary = "Non-binary",
        LanguageLabel = "Preferred language",
        LanguageAny = "Any language",
        UrgentLabel = "I need help now",
        UrgentHint = "Puts services that are open now first. In danger? Call 911.",
        Submit = "Find help",
        ResultsHeading = "Results",
        ResultsCount = "Showing {0} of {1} matching services, best first.",
        NoResults = "No service matches this search. Try fewer needs or another place, or contact the national hotline.",
        ErrorsHeading = "Please check the search",
        ErrorPlaceRequired = "Enter a ZIP code or use your location.",
        ErrorZipFormat = "A ZIP code has 5 digits.",
        ErrorZipUnknown = "We do not know this ZIP code. Check it, or try a nearby one.",
        ErrorLocation = "Your location could not be used. Please enter a ZIP code.",
        ErrorNeedsRequired = "Choose at least one need.",
        ErrorNeedUnknown = "Choose needs from the list.",
        ErrorAge = "Age is a whole number from 0 to 120.",
        ErrorGender = "Choose a gender from the list.",
        ErrorLanguage = "Choose a language from the list.",
        DirectoryUnavailable = "The directory is loading. Please try again in a minute, or contact the national hotline.",
        BadgeAlwaysOpen = "Open 24/7",
        BadgeOpenNow = "Open now",
        BadgeClosedNow = "Closed now",
        BadgeDistance = "{0} km",
        LanguagesLabel = "Languages",
        WhyLabel = "Why it is listed here",
        ContactLabel = "Contact",
        WhereLabel = "Where",
        ConfidentialLocation = "confidential location",
        WebsiteLabel = "Website",
        ChannelPhone = "Phone",
        ChannelText = "Text",
        ChannelChat = "Chat",
        ChannelEmail = "Email",
        ChannelWebForm = "Web form",
        FactorDistance = "{0} km away ({1}, {2})",
        FactorZip = "Serves your ZIP code",
        FactorRadius = "Serves an area around you",
        FactorCounty = "Serves your county",
        FactorState = "Serves your whole state",
        FactorNational = "National service",
        FactorLanguageOffered = "Offers {0}",
        FactorLanguageNotListed = "Does not list {0}",
        FactorAlwaysOpen = "Open 24 hours, 7 days a week",
        FactorOpenUntil = "Open now, until {0} local time",
        FactorOpen = "Open now",
        FactorClosedOpens = "Closed now; opens {0} at {1} local time",
        FactorClosed = "Closed now",
        FactorWarmTransfer = "Accepts warm transfers from the hotline",
        FactorVerifiedToday = "Information checked today",
        FactorVerifiedOneDay = "Information checked yesterday",
        FactorVerifiedDays = "Information checked {0} days ago",
        FactorNeeds = "Covers {0} of your {1} needs",
        FactorAccepting = "Accepting new clients",
        FactorWaitlist = "Has a waiting list",
        FactorFull = "Currently full",
        Footer = "The organizations listed are fictional sample data. This page keeps no record of your search.",
        ServiceTypes = new Dictionary<ServiceType, string>
        {
            [ServiceType.EmergencyShelter] = "Emergency shelter",
            [ServiceType.Housing] = "Housing",
            [ServiceType.CaseManagement] = "Case management",
            [ServiceType.LegalServices] = "Legal help",
            [ServiceType.ImmigrationLegalServices] = "Immigration legal help",
            [ServiceType.MentalHealth] = "Mental health",
            [ServiceType.MedicalCare] = "Medical care",
            [ServiceType.SubstanceUseTreatment] = "Substance use treatment",
            [ServiceType.Transportation] = "Transportation",
            [ServiceType.BasicNeeds] = "Food, clothing and basic needs",
            [ServiceType.Interpretation] = "Interpretation",
            [ServiceType.EmploymentAndEducation] = "Jobs and education",
            [ServiceType.VictimAdvocacy] = "Victim advocacy",
            [ServiceType.LawEnforcement] = "Law enforcement",
            [ServiceType.TaskForce] = "Anti-trafficking task force",
            [ServiceType.Coalition] = "Coalition",
            [ServiceType.CrisisHotline] = "Crisis hotline",
            [ServiceType.ChildWelfare] = "Child welfare",
            [ServiceType.Repatriation] = "Return to home country",
            [ServiceType.TrainingAndTechnicalAssistance] = "Training and technical assistance",
            [ServiceType.SpeakersAndTrainers] = "Speakers and trainers",
            [ServiceType.PublicAwarenessMaterials] = "Awareness materials",
        }.ToFrozenDictionary(),
        Languages = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase)
        {
            ["en"] = "English", ["es"] = "Spanish", ["ht"] = "Haitian Creole", ["ko"] = "Korean", ["fr"] = "French",
            ["zh"] = "Chinese", ["vi"] = "Vietnamese", ["so"] = "Somali", ["tl"] = "Tagalog", ["ru"] = "Russian",
            ["ar"] = "Arabic", ["pt"] = "Portuguese", ["ase"] = "American Sign Language", ["hi"] = "Hindi",
            ["sm"] = "Samoan", ["ch"] = "Chamorro",
        }.ToFrozenDictionary(System.StringComparer.OrdinalIgnoreCase),
    };

    public static UiText Spanish { get; } = new()
    {
        LanguageCode = "es",
        Title = "Buscar ayuda - referencias de la línea nacional contra la trata de personas",
        Heading = "Busque ayuda cerca de usted",
        Intro = "Escriba un código postal o use su ubicación, elija lo que necesita y vea organizaciones que pueden ayudarle. No se guarda nada de lo que escribe.",
        SkipToContent = "Ir a la búsqueda",
        QuickExit = "Salida rápida",
        QuickExitHint = "Sale de este sitio de inmediato",
        HotlineLabel = "Línea nacional, 24/7:",
        HotlineCall = "Llame al",
        HotlineText = "Envíe un mensaje de texto al",
        HotlineAlways = "Gratuita y confidencial, en inglés y en español.",
        OtherLanguageName = "English",
        OtherLanguageCode = "en",
        FormHeading = "Búsqueda",
        ZipLabel = "Código postal",
        ZipHint = "5 dígitos, por ejemplo 77002.",
        UseMyLocation = "Usar mi ubicación",
        LocationFound = "Se usará su ubicación en lugar de un código postal.",
        LocationUnavailable = "Su ubicación no está disponible. Escriba un código postal.",
        NeedsLegend = "¿Qué necesita?",
        AgeLabel = "Edad",
        OptionalHint = "Opcional.",
        GenderLabel = "Género",
        GenderAny = "Prefiero no decirlo",
        GenderFemale = "Mujer",
        GenderMale = "Hombre",
        GenderNonBinary = "No binario",
        LanguageLabel = "Idioma preferido",
        LanguageAny = "Cualquier idioma",
        UrgentLabel = "Necesito ayuda ahora",
        UrgentHint = "Muestra primero los servicios abiertos ahora. ¿Está en peligro? Llame al 911.",
        Submit = "Buscar ayuda",
        ResultsHeading = "Resultados",
        ResultsCount = "Se muestran {0} de {1} servicios que coinciden, los mejores primero.",
        NoResults = "Ningún servicio coincide con esta búsqueda. Pruebe con menos necesidades u otro lugar, o comuníquese con la línea nacional.",
        ErrorsHeading = "Revise la búsqueda",
        ErrorPlaceRequired = "Escriba un código postal o use su ubicación.",
        ErrorZipFormat = "Un código postal tiene 5 dígitos.",
        ErrorZipUnknown = "No conocemos este código postal. Revíselo o pruebe uno cercano.",
        ErrorLocation = "No se pudo usar su ubicación. Escriba un código postal.",
        ErrorNeedsRequired = "Elija al menos una necesidad.",
        ErrorNeedUnknown = "Elija las necesidades de la lista.",
        ErrorAge = "La edad es un número entero de 0 a 120.",
        ErrorGender = "Elija un género de la lista.",
        ErrorLanguage = "Elija un idioma de la lista.",
        DirectoryUnavailable = "El directorio se está cargando. Inténtelo de nuevo en un minuto o comuníquese con la línea nacional.",
        BadgeAlwaysOpen = "Abierto 24/7",
        BadgeOpenNow = "Abierto ahora",
        BadgeClosedNow = "Cerrado ahora",
        BadgeDistance = "{0} km",
        LanguagesLabel = "Idiomas",
        WhyLabel = "Por qué aparece aquí",
        ContactLabel = "Contacto",
        WhereLabel = "Dónde",
        ConfidentialLocation = "ubicación confidencial",
        WebsiteLabel = "Sitio web",
        ChannelPhone = "Teléfono",
        ChannelText = "Mensaje de texto",
        ChannelChat = "Conversación en línea",
        ChannelEmail = "Correo electrónico",
        ChannelWebForm = "Formulario web",
        FactorDistance = "A {0} km ({1}, {2})",
        FactorZip = "Atiende su código postal",
        FactorRadius = "Atiende una zona a su alrededor",
        FactorCounty = "Atiende su condado",
        FactorState = "Atiende todo su estado",
        FactorNational = "Servicio nacional",
        FactorLanguageOffered = "Ofrece atención en {0}",
        FactorLanguageNotListed = "No indica atención en {0}",
        FactorAlwaysOpen = "Abierto las 24 horas, los 7 días de la semana",
        FactorOpenUntil = "Abierto ahora, hasta las {0}, hora local",
        FactorOpen = "Abierto ahora",
        FactorClosedOpens = "Cerrado ahora; abre el {0} a las {1}, hora local",
        FactorClosed = "Cerrado ahora",
        FactorWarmTransfer = "Acepta transferencias directas de la línea nacional",
        FactorVerifiedToday = "Información revisada hoy",
        FactorVerifiedOneDay = "Información revisada ayer",
        FactorVerifiedDays = "Información revisada hace {0} días",
        FactorNeeds = "Cubre {0} de sus {1} necesidades",
        FactorAccepting = "Acepta nuevos clientes",
        FactorWaitlist = "Tiene lista de espera",
        FactorFull = "Sin cupo por ahora",
        Footer = "Las organizaciones que aparecen son datos de muestra ficticios. Esta página no guarda ningún registro de su búsqueda.",
        ServiceTypes = new Dictionary<ServiceType, string>
        {
            [ServiceType.EmergencyShelter] = "Refugio de emergencia",
            [ServiceType.Housing] = "Vivienda",
            [ServiceType.CaseManagement] = "Gestión de casos",
            [ServiceType.LegalServices] = "Ayuda legal",
            [ServiceType.ImmigrationLegalServices] = "Ayuda legal de inmigración",
            [ServiceType.MentalHealth] = "Salud mental",
            [ServiceType.MedicalCare] = "Atención médica",
            [ServiceType.SubstanceUseTreatment] = "Tratamiento por consumo de sustancias",
            [ServiceType.Transportation] = "Transporte",
            [ServiceType.BasicNeeds] = "Comida, ropa y necesidades básicas",
            [ServiceType.Interpretation] = "Interpretación",
            [ServiceType.EmploymentAndEducation] = "Empleo y educación",
            [ServiceType.VictimAdvocacy] = "Apoyo a víctimas",
            [ServiceType.LawEnforcement] = "Policía y fuerzas del orden",
            [ServiceType.TaskForce] = "Grupo de trabajo contra la trata",
            [ServiceType.Coalition] = "Coalición",
            [ServiceType.CrisisHotline] = "Línea de crisis",
            [ServiceType.ChildWelfare] = "Protección de menores",
            [ServiceType.Repatriation] = "Regreso al país de origen",
            [ServiceType.TrainingAndTechnicalAssistance] = "Capacitación y asistencia técnica",
            [ServiceType.SpeakersAndTrainers] = "Conferencistas y capacitadores",
            [ServiceType.PublicAwarenessMaterials] = "Materiales de concientización",
        }.ToFrozenDictionary(),
        Languages = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase)
        {
            ["en"] = "inglés", ["es"] = "español", ["ht"] = "criollo haitiano", ["ko"] = "coreano", ["fr"] = "francés",
            ["zh"] = "chino", ["vi"] = "vietnamita", ["so"] = "somalí", ["tl"] = "tagalo", ["ru"] = "ruso",
            ["ar"] = "árabe", ["pt"] = "portugués", ["ase"] = "lengua de señas americana", ["hi"] = "hindi",
            ["sm"] = "samoano", ["ch"] = "chamorro",
        }.ToFrozenDictionary(System.StringComparer.OrdinalIgnoreCase),
    };
}
