using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ReferralFinder.Localization;

namespace ReferralFinder.Tests;

public sealed partial class PageTests
{
    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [Fact]
    public async Task Get_ShowsTheHotlineQuickExitAndForm_WithSecurityHeaders()
    {
        using var factory = new FinderFactory();
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, System.StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, System.StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, System.StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("<html lang=\"en\">", html, System.StringComparison.Ordinal);
        Assert.Contains(">1-888-373-7888</a>", html, System.StringComparison.Ordinal);
        Assert.Contains("href=\"tel:+18883737888\"", html, System.StringComparison.Ordinal);
        Assert.Contains(">233733</a>", html, System.StringComparison.Ordinal);
        Assert.Contains("id=\"quick-exit\"", html, System.StringComparison.Ordinal);
        Assert.Contains("<label for=\"zip\">ZIP code</label>", html, System.StringComparison.Ordinal);
        Assert.Contains("aria-live=\"polite\"", html, System.StringComparison.Ordinal);

        // Everything the page loads is the app's own: no script, style or image from elsewhere.
        foreach (Match m in AssetReference().Matches(html))
        {
            Assert.StartsWith("/", m.Groups["url"].Value, System.StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/app.css")]
    [InlineData("/app.js")]
    [InlineData("/health")]
    [InlineData("/no-such-page")]
    public async Task EveryResponse_IsNoStore_WithTheCsp(string path)
    {
        using var factory = new FinderFactory();
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(path);

        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
    }

    [Fact]
    public async Task HotlineNumbers_AreConfigurable()
    {
        using var factory = new FinderFactory(new Dictionary<string, string?> { ["ReferralFinder:HotlinePhone"] = "1-800-555-0199", ["ReferralFinder:HotlineText"] = "555555" });
        using var client = factory.CreateClient();
        var html = await client.GetStringAsync("/");

        Assert.Contains(">1-800-555-0199</a>", html, System.StringComparison.Ordinal);
        Assert.Contains(">555555</a>", html, System.StringComparison.Ordinal);
        Assert.DoesNotContain("373-7888", html, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ShowsTheSdksMatches_InRankOrder_WithoutAConfidentialAddress()
    {
        using var factory = new FinderFactory();
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/", Form(("zip", TestPlaces.SeattleZip), ("needs", "emergencyShelter")));
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = TestPlaces.SeattleShelters().Matches.Select(m => m.ServiceId).ToArray();
        Assert.Equal(expected, ServiceIds().Matches(html).Select(m => m.Groups["id"].Value).ToArray());
        Assert.Contains($"Showing {expected.Length} of", html, System.StringComparison.Ordinal);
        Assert.Contains("confidential location", html, System.StringComparison.Ordinal);
        var page = html.Replace("value=\"98101\"", "", System.StringComparison.Ordinal);
        Assert.All(TestPlaces.SeattleSecrets(), secret => Assert.DoesNotContain(secret, page, System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownZip_IsAnErrorOnTheField_AndInTheSummary()
    {
        using var factory = new FinderFactory();
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/", Form(("zip", TestPlaces.UnknownZip), ("needs", "emergencyShelter")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<p id=\"zip-error\" class=\"error\">" + UiText.English.ErrorZipUnknown + "</p>", html, System.StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, System.StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, System.StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"match\"", html, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryInvalidField_IsNamed()
    {
        using var factory = new FinderFactory();
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/", Form(("zip", "12"), ("age", "200"), ("gender", "robot")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(UiText.English.ErrorZipFormat, html, System.StringComparison.Ordinal);
        Assert.Contains(UiText.English.ErrorNeedsRequired, html, System.StringComparison.Ordinal);
        Assert.Contains(UiText.English.ErrorAge, html, System.StringComparison.Ordinal);
        Assert.Contains(UiText.English.ErrorGender, html, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spanish_ResultsAndErrors_ShowNoEnglishUiString()
    {
        using var factory = new FinderFactory();
        using var client = factory.CreateClient();
        using var results = await client.PostAsync("/?lang=es", Form(("zip", TestPlaces.SeattleZip), ("needs", "emergencyShelter"), ("needs", "legalServices"), ("urgent", "true"), ("language", "es")));
        using var errors = await client.PostAsync("/?lang=es", Form(("zip", TestPlaces.UnknownZip), ("needs", "emergencyShelter")));

        foreach (var response in new[] { results, errors })
        {
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("<html lang=\"es\">", html, System.StringComparison.Ordinal);
            AssertNoEnglish(html);
        }

        var page = WebUtility.HtmlDecode(await results.Content.ReadAsStringAsync());
        Assert.Contains(UiText.Spanish.ResultsHeading, page, System.StringComparison.Ordinal);
        Assert.Contains("Refugio de emergencia", page, System.StringComparison.Ordinal);
        Assert.Contains(UiText.Spanish.QuickExit, page, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptLanguage_Spanish_GivesTheSpanishPage()
    {
        using var factory = new FinderFactory();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd("es-MX,es;q=0.9");
        using var response = await client.SendAsync(request);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("<html lang=\"es\">", html, System.StringComparison.Ordinal);
        Assert.Contains(UiText.Spanish.Heading, html, System.StringComparison.Ordinal);
        AssertNoEnglish(html);
    }

    [Fact]
    public void Catalogs_HaveEveryServiceTypeAndLanguage()
    {
        foreach (var text in new[] { UiText.English, UiText.Spanish })
        {
            Assert.All(System.Enum.GetValues<Nhtrc.Sdk.Contacts.ServiceType>(), t => Assert.True(text.ServiceTypes.ContainsKey(t), $"{text.LanguageCode}: {t}"));
            Assert.All(Pages.SearchValidator.LanguageChoices, code => Assert.True(text.Languages.ContainsKey(code), $"{text.LanguageCode}: {code}"));
        }
    }

    /// <summary>The page's text outside elements marked lang="en" (the directory's English names, the switch to English) has no English UI string.</summary>
    internal static void AssertNoEnglish(string html) => EnglishText.AssertNone(Tag().Replace(EnglishElement().Replace(html, " "), " "));

    [GeneratedRegex("<(?<tag>[a-z0-9]+)[^>]*\\blang=\"en\"[^>]*>.*?</\\k<tag>>", RegexOptions.Singleline)]
    private static partial Regex EnglishElement();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("<(?:script|link|img)[^>]*(?:src|href)=\"(?<url>[^\"]*)\"")]
    private static partial Regex AssetReference();

    [GeneratedRegex("data-service-id=\"(?<id>[^\"]+)\"")]
    private static partial Regex ServiceIds();
}
