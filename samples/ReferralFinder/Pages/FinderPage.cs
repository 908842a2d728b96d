using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Text;
using ReferralFinder.Hosting;
using ReferralFinder.Localization;

namespace ReferralFinder.Pages;

/// <summary>
/// The search page, rendered on the server in the visitor's language: the hotline bar with the quick exit, the form,
/// and the results in a live region (app.js swaps in the results of a search without reloading). Directory text
/// (names, cities) is marked <c>lang="en"</c>: the fictional sample is in English.
/// </summary>
public static class FinderPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(UiText t, FinderOptions options, SearchInput input, IReadOnlyList<FieldError> errors, ReferralResult? result, bool directoryMissing)
    {
        var b = new StringBuilder(16_384);
        var hotlinePhoneDigits = new string(options.HotlinePhone.Where(char.IsAsciiDigit).ToArray());
        b.Append("<!DOCTYPE html>\n<html lang=\"").Append(t.LanguageCode).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<title>").Append(E(t.Title)).Append("</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"/app.css\">\n")
            .Append("<script src=\"/app.js\" defer></script>\n</head>\n<body>\n")
            .Append("<a class=\"skip-link\" href=\"#search\">").Append(E(t.SkipToContent)).Append("</a>\n")
            .Append("<header class=\"topbar\">\n<p class=\"hotline\"><strong>").Append(E(t.HotlineLabel)).Append("</strong> ")
            .Append("<span class=\"channel\">").Append(E(t.HotlineCall)).Append(" <a id=\"hotline-phone\" href=\"tel:+1").Append(A(hotlinePhoneDigits.Length == 11 ? hotlinePhoneDigits[1..] : hotlinePhoneDigits)).Append("\">")
            .Append(E(options.HotlinePhone)).Append("</a></span> ")
            .Append("<span class=\"channel\">").Append(E(t.HotlineText)).Append(" <a id=\"hotline-text\" href=\"sms:").Append(A(options.HotlineText)).Append("\">")
            .Append(E(options.HotlineText)).Append("</a></span></p>\n")
            .Append("<a id=\"quick-exit\" class=\"quick-exit\" href=\"").Append(A(options.QuickExitUrl)).Append("\" rel=\"noreferrer\" title=\"").Append(A(t.QuickExitHint)).Append("\">")
            .Append(E(t.QuickExit)).Append("</a>\n</header>\n")
            .Append("<main id=\"main\">\n<h1>").Append(E(t.Heading)).Append("</h1>\n<p>").Append(E(t.Intro)).Append(' ').Append(E(t.HotlineAlways)).Append("</p>\n")
            .Append("<p class=\"switch\"><a href=\"/?lang=").Append(t.OtherLanguageCode).Append("\" lang=\"").Append(t.OtherLanguageCode).Append("\" hreflang=\"").Append(t.OtherLanguageCode).Append("\">")
            .Append(E(t.OtherLanguageName)).Append("</a></p>\n");

        Form(b, t, input, errors);
        b.Append("<section id=\"results\" aria-live=\"polite\" aria-labelledby=\"results-heading\" tabindex=\"-1\">\n");
        Results(b, t, errors, result, directoryMissing);
        b.Append("</section>\n</main>\n<footer><p>").Append(E(t.Footer)).Append("</p></footer>\n</body>\n</html>\n");
        return b.ToString();
    }

    private static void Form(StringBuilder b, UiText t, SearchInput input, IReadOnlyList<FieldError> errors)
    {
        b.Append("<form id=\"search\" method=\"post\" action=\"/?lang=").Append(t.LanguageCode).Append("\" novalidate>\n")
            .Append("<h2>").Append(E(t.FormHeading)).Append("</h2>\n");

        var zipError = ErrorFor(errors, "zip", t) ?? ErrorFor(errors, "latitude", t) ?? ErrorFor(errors, "longitude", t);
        b.Append("<div class=\"field\">\n<label for=\"zip\">").Append(E(t.ZipLabel)).Append("</label>\n")
            .Append("<p id=\"zip-hint\" class=\"hint\">").Append(E(t.ZipHint)).Append("</p>\n");
        if (zipError is not null)
        {
            b.Append("<p id=\"zip-error\" class=\"error\">").Append(E(zipError)).Append("</p>\n");
        }

        b.Append("<input id=\"zip\" name=\"zip\" type=\"text\" inputmode=\"numeric\" autocomplete=\"off\" maxlength=\"10\" value=\"").Append(A(input.Zip ?? ""))
            .Append("\" aria-describedby=\"zip-hint").Append(zipError is null ? "" : " zip-error").Append('"').Append(zipError is null ? "" : " aria-invalid=\"true\"").Append(">\n")
            .Append("<input type=\"hidden\" id=\"latitude\" name=\"latitude\" value=\"\">\n<input type=\"hidden\" id=\"longitude\" name=\"longitude\" value=\"\">\n")
            .Append("<button type=\"button\" id=\"use-location\" class=\"secondary\" hidden data-found=\"").Append(A(t.LocationFound)).Append("\" data-unavailable=\"").Append(A(t.LocationUnavailable)).Append("\">")
            .Append(E(t.UseMyLocation)).Append("</button>\n<p id=\"location-status\" class=\"hint\" role=\"status\"></p>\n</div>\n");

        var needsError = ErrorFor(errors, "needs", t) ?? errors.Where(e => e.Field.StartsWith("needs[", System.StringComparison.Ordinal)).Select(e => Message(e.Error, t)).FirstOrDefault();
        b.Append("<fieldset id=\"needs\"").Append(needsError is null ? "" : " aria-describedby=\"needs-error\"").Append(">\n<legend>").Append(E(t.NeedsLegend)).Append("</legend>\n");
        if (needsError is not null)
        {
            b.Append("<p id=\"needs-error\" class=\"error\">").Append(E(needsError)).Append("</p>\n");
        }

        b.Append("<div class=\"needs\">\n");
        foreach (var type in System.Enum.GetValues<ServiceType>())
        {
            var id = WireNames.Of(type);
            b.Append("<div class=\"check\"><input type=\"checkbox\" name=\"needs\" id=\"need-").Append(id).Append("\" value=\"").Append(id).Append('"')
                .Append(input.Needs.Contains(id) ? " checked" : "").Append("><label for=\"need-").Append(id).Append("\">").Append(E(t.ServiceTypeName(type))).Append("</label></div>\n");
        }

        b.Append("</div>\n</fieldset>\n");

        var ageError = ErrorFor(errors, "age", t);
        b.Append("<div class=\"row\">\n<div class=\"field\">\n<label for=\"age\">").Append(E(t.AgeLabel)).Append("</label>\n<p id=\"age-hint\" class=\"hint\">").Append(E(t.OptionalHint)).Append("</p>\n");
        if (ageError is not null)
        {
            b.Append("<p id=\"age-error\" class=\"error\">").Append(E(ageError)).Append("</p>\n");
        }

        b.Append("<input id=\"age\" name=\"age\" type=\"text\" inputmode=\"numeric\" autocomplete=\"off\" maxlength=\"3\" value=\"").Append(A(input.Age ?? ""))
            .Append("\" aria-describedby=\"age-hint").Append(ageError is null ? "" : " age-error").Append('"').Append(ageError is null ? "" : " aria-invalid=\"true\"").Append(">\n</div>\n");

        b.Append("<div class=\"field\">\n<label for=\"gender\">").Append(E(t.GenderLabel)).Append("</label>\n<select id=\"gender\" name=\"gender\">\n");
        Option(b, "", t.GenderAny, input.Gender);
        Option(b, "female", t.GenderFemale, input.Gender);
        Option(b, "male", t.GenderMale, input.Gender);
        Option(b, "nonBinary", t.GenderNonBinary, input.Gender);
        b.Append("</select>\n</div>\n");

        b.Append("<div class=\"field\">\n<label for=\"language\">").Append(E(t.LanguageLabel)).Append("</label>\n<select id=\"language\" name=\"language\">\n");
        Option(b, "", t.LanguageAny, input.Language);
        foreach (var code in SearchValidator.LanguageChoices)
        {
            Option(b, code, t.LanguageName(code), input.Language);
        }

        b.Append("</select>\n</div>\n</div>\n");

        b.Append("<div class=\"check urgent\"><input type=\"checkbox\" id=\"urgent\" name=\"urgent\" value=\"true\" aria-describedby=\"urgent-hint\"").Append(input.Urgent ? " checked" : "").Append("><label for=\"urgent\">")
            .Append(E(t.UrgentLabel)).Append("</label></div>\n<p id=\"urgent-hint\" class=\"hint\">").Append(E(t.UrgentHint)).Append("</p>\n")
            .Append("<button type=\"submit\" id=\"submit\">").Append(E(t.Submit)).Append("</button>\n</form>\n");
    }

    private static void Results(StringBuilder b, UiText t, IReadOnlyList<FieldError> errors, ReferralResult? result, bool directoryMissing)
    {
        if (errors.Count > 0)
        {
            b.Append("<div class=\"error-summary\" role=\"alert\">\n<h2 id=\"results-heading\">").Append(E(t.ErrorsHeading)).Append("</h2>\n<ul>\n");
            foreach (var error in errors.DistinctBy(e => e.Error))
            {
                var target = error.Field.StartsWith("needs", System.StringComparison.Ordinal) ? "need-emergencyShelter" : error.Field is "latitude" or "longitude" ? "zip" : error.Field;
                b.Append("<li><a href=\"#").Append(target).Append("\">").Append(E(Message(error.Error, t))).Append("</a></li>\n");
            }

            b.Append("</ul>\n</div>\n");
            return;
        }

        if (directoryMissing)
        {
            b.Append("<h2 id=\"results-heading\">").Append(E(t.ResultsHeading)).Append("</h2>\n<p class=\"notice\">").Append(E(t.DirectoryUnavailable)).Append("</p>\n");
            return;
        }

        if (result is null)
        {
            b.Append("<h2 id=\"results-heading\" class=\"visually-hidden\">").Append(E(t.ResultsHeading)).Append("</h2>\n");
            return;
        }

        var culture = t.Culture;
        b.Append("<h2 id=\"results-heading\">").Append(E(t.ResultsHeading)).Append("</h2>\n");
        if (result.Matches.IsEmpty)
        {
            b.Append("<p class=\"notice\">").Append(E(t.NoResults)).Append("</p>\n");
            return;
        }

        b.Append("<p id=\"results-count\">").Append(E(string.Format(culture, t.ResultsCount, result.Matches.Length, result.EligibleCount))).Append("</p>\n<ol class=\"matches\">\n");
        foreach (var m in result.Matches)
        {
            Match(b, t, m);
        }

        b.Append("</ol>\n");
    }

    private static void Match(StringBuilder b, UiText t, ReferralMatch m)
    {
        var culture = t.Culture;
        b.Append("<li class=\"match\" data-service-id=\"").Append(A(m.ServiceId)).Append("\">\n<h3><span lang=\"en\">").Append(E(m.OrganizationName)).Append("</span></h3>\n")
            .Append("<p class=\"service\"><span lang=\"en\">").Append(E(m.ServiceName)).Append("</span> &middot; ")
            .Append(E(string.Join(", ", m.CoveredNeeds.Select(t.ServiceTypeName)))).Append("</p>\n<ul class=\"badges\">\n");
        if (m.DistanceKilometers is { } km)
        {
            b.Append("<li class=\"badge\">").Append(E(string.Format(culture, t.BadgeDistance, km.ToString("0.#", culture)))).Append("</li>\n");
        }

        if (m.IsAlwaysOpen)
        {
            b.Append("<li class=\"badge open\">").Append(E(t.BadgeAlwaysOpen)).Append("</li>\n");
        }
        else
        {
            b.Append(m.IsOpenAtQueryTime ? "<li class=\"badge open\">" : "<li class=\"badge closed\">").Append(E(m.IsOpenAtQueryTime ? t.BadgeOpenNow : t.BadgeClosedNow)).Append("</li>\n");
        }

        b.Append("</ul>\n");
        if (!m.Languages.IsEmpty)
        {
            b.Append("<p><strong>").Append(E(t.LanguagesLabel)).Append(":</strong> ").Append(E(string.Join(", ", m.Languages.Select(l => t.LanguageName(l.Value))))).Append("</p>\n");
        }

        b.Append("<p><strong>").Append(E(t.WhereLabel)).Append(":</strong> ");
        var first = true;
        foreach (var location in m.Locations.Take(3))
        {
            b.Append(first ? "" : "; ");
            first = false;
            b.Append("<span lang=\"en\">");
            if (!location.IsConfidential && location.StreetAddress is { } street)
            {
                b.Append(E(street)).Append(", ");
            }

            b.Append(E(location.City)).Append(", ").Append(E(location.State.Code));
            if (!location.IsConfidential && location.Zip is { } zip)
            {
                b.Append(' ').Append(E(zip));
            }

            b.Append("</span>");
            if (location.IsConfidential)
            {
                b.Append(" (").Append(E(t.ConfidentialLocation)).Append(')');
            }
        }

        b.Append("</p>\n<p><strong>").Append(E(t.ContactLabel)).Append(":</strong></p>\n<ul class=\"contacts\">\n");
        foreach (var contact in m.Contacts)
        {
            b.Append("<li>").Append(E(Channel(contact.Channel, t))).Append(": ").Append(ContactLink(contact)).Append("</li>\n");
        }

        if (m.Website is { } website && website.StartsWith("https://", System.StringComparison.Ordinal))
        {
            b.Append("<li>").Append(E(t.WebsiteLabel)).Append(": <a href=\"").Append(A(website)).Append("\" rel=\"noreferrer\">").Append(E(website)).Append("</a></li>\n");
        }

        b.Append("</ul>\n<details>\n<summary>").Append(E(t.WhyLabel)).Append("</summary>\n<ul class=\"why\">\n");
        foreach (var factor in m.Breakdown)
        {
            if (FactorText.Describe(factor, t) is { } line)
            {
                b.Append("<li data-factor=\"").Append(WireNames.Of(factor.Factor)).Append("\">").Append(E(line)).Append("</li>\n");
            }
        }

        b.Append("</ul>\n</details>\n</li>\n");
    }

    private static string ContactLink(ServiceContact contact)
    {
        var value = contact.Value;
        var digits = new string(value.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray());
        return contact.Channel switch
        {
            ContactChannel.Phone => $"<a href=\"tel:{A(digits)}\">{E(value)}</a>",
            ContactChannel.Text => $"<a href=\"sms:{A(digits)}\">{E(value)}</a>",
            ContactChannel.Email => $"<a href=\"mailto:{A(value)}\">{E(value)}</a>",
            _ when value.StartsWith("https://", System.StringComparison.Ordinal) => $"<a href=\"{A(value)}\" rel=\"noreferrer\">{E(value)}</a>",
            _ => $"<span lang=\"en\">{E(value)}</span>",
        };
    }

    private static string Channel(ContactChannel channel, UiText t) => channel switch
    {
        ContactChannel.Phone => t.ChannelPhone,
        ContactChannel.Text => t.ChannelText,
        ContactChannel.Chat => t.ChannelChat,
        ContactChannel.Email => t.ChannelEmail,
        _ => t.ChannelWebForm,
    };

    public static string Message(SearchError error, UiText t) => error switch
    {
        SearchError.PlaceRequired => t.ErrorPlaceRequired,
        SearchError.ZipFormat => t.ErrorZipFormat,
        SearchError.ZipUnknown => t.ErrorZipUnknown,
        SearchError.Location => t.ErrorLocation,
        SearchError.NeedsRequired => t.ErrorNeedsRequired,
        SearchError.NeedUnknown => t.ErrorNeedUnknown,
        SearchError.Age => t.ErrorAge,
        SearchError.Gender => t.ErrorGender,
        _ => t.ErrorLanguage,
    };

    private static string? ErrorFor(IReadOnlyList<FieldError> errors, string field, UiText t)
    {
        foreach (var e in errors)
        {
            if (e.Field == field)
            {
                return Message(e.Error, t);
            }
        }

        return null;
    }

    private static void Option(StringBuilder b, string value, string label, string? selected) =>
        b.Append("<option value=\"").Append(A(value)).Append('"').Append(string.Equals(value, selected ?? "", System.StringComparison.Ordinal) ? " selected" : "").Append('>').Append(E(label)).Append("</option>\n");

    private static string E(string text) => Html.Encode(text);

    private static string A(string text) => Html.Encode(text);
}
