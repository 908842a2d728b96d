using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using ReferralFinder.Localization;
using ReferralFinder.Tests;

namespace ReferralFinder.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class FinderBrowserTests(BrowserFixture fixture)
{
    private static async Task SearchAsync(IPage page, string zip, params string[] needs)
    {
        await page.Locator("#zip").FillAsync(zip);
        foreach (var need in needs)
        {
            await page.Locator("#need-" + need).CheckAsync();
        }

        await page.Locator("#submit").ClickAsync();
    }

    private static async Task<string> TextOutsideEnglishAsync(IPage page) => await page.EvaluateAsync<string>(
        "() => { const body = document.body.cloneNode(true); body.querySelectorAll('[lang=en]').forEach(e => e.remove()); return body.innerText; }");

    [Fact]
    public async Task Person_FillsTheForm_AndSeesRankedResultsWithBadgesAndReasons()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("ZIP code").FillAsync(TestPlaces.SeattleZip);
        await page.GetByLabel("Emergency shelter").CheckAsync();
        await page.GetByLabel("Legal help", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Preferred language").SelectOptionAsync("es");
        await page.GetByLabel("I need help now").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Find help" }).ClickAsync();

        var matches = page.Locator("#results .match");
        await matches.First.WaitForAsync();
        Assert.True(await matches.CountAsync() > 0);
        var first = await matches.First.InnerTextAsync();
        Assert.Matches(@"\d+(\.\d)? km", first);
        Assert.True(first.Contains("Open 24/7", StringComparison.Ordinal) || first.Contains("Open now", StringComparison.Ordinal) || first.Contains("Closed now", StringComparison.Ordinal));
        await matches.First.Locator("summary").ClickAsync();
        Assert.True(await matches.First.Locator(".why li").CountAsync() > 0);
        Assert.Equal("true", await page.Locator("#results").GetAttributeAsync("data-loaded"));
        Assert.Equal("polite", await page.Locator("#results").GetAttributeAsync("aria-live"));
        Assert.Contains("1-888-373-7888", await page.Locator(".topbar").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("233733", await page.Locator(".topbar").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyboardOnly_TabsInOrder_FillsTheForm_AndSearches()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        var order = new List<string>();
        async Task<string> TabAsync()
        {
            await page.Keyboard.PressAsync("Tab");
            var id = await page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.className || document.activeElement.tagName");
            order.Add(id);
            return id;
        }

        // The skip link, the hotline's phone and text, the quick exit, the language switch, then the form.
        while (await TabAsync() != "zip")
        {
            Assert.True(order.Count < 10, "the ZIP field is reached within a few tabs: " + string.Join(" > ", order));
        }

        Assert.Equal(["skip-link", "hotline-phone", "hotline-text", "quick-exit"], order.Take(4));
        await page.Keyboard.TypeAsync(TestPlaces.SeattleZip);
        Assert.Equal("use-location", await TabAsync());
        Assert.Equal("need-emergencyShelter", await TabAsync());
        await page.Keyboard.PressAsync("Space");
        while (await TabAsync() != "submit")
        {
            Assert.True(order.Count < 60, "the submit button is reached: " + string.Join(" > ", order));
        }

        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#results .match").First.WaitForAsync();
        var expected = TestPlaces.SeattleShelters().Matches.Select(m => m.ServiceId).ToArray();
        var shown = await page.Locator("#results .match").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.serviceId)");
        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task UseMyLocation_SearchesAtTheBrowsersPosition_WithoutAZip()
    {
        var page = await fixture.NewPageAsync(location: new Geolocation { Latitude = 47.6101f, Longitude = -122.3344f });
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use my location" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator("#location-status")).ToHaveTextAsync(UiText.English.LocationFound);
        await page.GetByLabel("Emergency shelter").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Find help" }).ClickAsync();

        await page.Locator("#results .match").First.WaitForAsync();
        Assert.Contains("Seattle", await page.Locator("#results").InnerTextAsync(), StringComparison.Ordinal);
        fixture.Logs.AssertNoneContains("47.61", "-122.33");
    }

    [Fact]
    public async Task UnknownZip_ShowsTheErrorOnTheFieldAndInTheSummary()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await SearchAsync(page, TestPlaces.UnknownZip, "emergencyShelter");

        await page.Locator("#results .error-summary").WaitForAsync();
        Assert.Equal(UiText.English.ErrorZipUnknown, await page.Locator("#zip-error").InnerTextAsync());
        Assert.Equal("true", await page.Locator("#zip").GetAttributeAsync("aria-invalid"));
        Assert.Contains(UiText.English.ErrorZipUnknown, await page.Locator("#results").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#results .match").CountAsync());
    }

    [Fact]
    public async Task Spanish_ResultsAndErrors_HaveNoEnglishUiString()
    {
        var page = await fixture.NewPageAsync(locale: "es-MX");
        await page.GotoAsync("/?lang=es");
        Assert.Equal("es", await page.Locator("html").GetAttributeAsync("lang"));
        AssertNoEnglish(await TextOutsideEnglishAsync(page));

        await page.GetByLabel("Código postal").FillAsync(TestPlaces.SeattleZip);
        await page.GetByLabel("Refugio de emergencia").CheckAsync();
        await page.GetByLabel("Necesito ayuda ahora").CheckAsync();
        await page.GetByLabel("Idioma preferido").SelectOptionAsync("es");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar ayuda" }).ClickAsync();
        await page.Locator("#results .match").First.WaitForAsync();
        await page.Locator("#results .match summary").First.ClickAsync();
        var results = await TextOutsideEnglishAsync(page);
        Assert.Contains(UiText.Spanish.ResultsHeading, results, StringComparison.Ordinal);
        AssertNoEnglish(results);

        await page.GetByLabel("Código postal").FillAsync(TestPlaces.UnknownZip);
        await page.GetByRole(AriaRole.Button, new() { Name = "Buscar ayuda" }).ClickAsync();
        await page.Locator("#results .error-summary").WaitForAsync();
        var errors = await TextOutsideEnglishAsync(page);
        Assert.Contains(UiText.Spanish.ErrorZipUnknown, errors, StringComparison.Ordinal);
        AssertNoEnglish(errors);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    public async Task Phone_375x667_HasNoHorizontalScroll_AndTheQuickExitCoversNoText(string language)
    {
        var page = await fixture.NewPageAsync(375, 667);
        await page.GotoAsync("/?lang=" + language);
        await AssertFitsAsync(page);
        await SearchAsync(page, TestPlaces.SeattleZip, "emergencyShelter", "legalServices");
        await page.Locator("#results .match").First.WaitForAsync();
        await page.Locator("#results .match summary").First.ClickAsync();
        await AssertFitsAsync(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsFolder, $"results-375-{language}.png"), FullPage = true });
    }

    private static async Task AssertFitsAsync(IPage page)
    {
        var (scroll, client) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => document.documentElement.clientWidth"));
        Assert.True(scroll <= client, $"horizontal scroll: {scroll} > {client}");

        // Scrolled to the bottom, the quick exit is still on screen, in the opaque bar the page scrolls beneath.
        await page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
        var exitTop = await page.EvaluateAsync<double>("() => document.getElementById('quick-exit').getBoundingClientRect().top");
        Assert.InRange(exitTop, 0, 667);

        // In the page's own layout (at the top), the quick exit's box meets no other element that holds text.
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var overlaps = await page.EvaluateAsync<string[]>(
            """
            () => {
              const exit = document.getElementById('quick-exit').getBoundingClientRect();
              const hits = [];
              for (const el of document.querySelectorAll('body *')) {
                if (el === document.getElementById('quick-exit') || el.contains(document.getElementById('quick-exit')) || document.getElementById('quick-exit').contains(el)) continue;
                if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
                const r = el.getBoundingClientRect();
                if (r.width === 0 || r.height === 0) continue;
                if (r.left < exit.right && exit.left < r.right && r.top < exit.bottom && exit.top < r.bottom) hits.push(el.tagName + '#' + el.id + ': ' + el.textContent.trim().slice(0, 40));
              }
              return hits;
            }
            """);
        Assert.Empty(overlaps);
    }

    [Fact]
    public async Task ConfidentialShelter_StreetZipAndCoordinates_AppearNowhere_PageApiOrLogs()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");
        await SearchAsync(page, TestPlaces.SeattleZip, "emergencyShelter");
        await page.Locator("#results .match").First.WaitForAsync();
        foreach (var summary in await page.Locator("#results summary").AllAsync())
        {
            await summary.ClickAsync();
        }

        var secrets = TestPlaces.SeattleSecrets();
        Assert.Contains("confidential location", await page.Locator("#results").InnerTextAsync(), StringComparison.Ordinal);
        var html = await page.Locator("#results").InnerHTMLAsync();
        var text = await page.Locator("body").InnerTextAsync();
        Assert.All(secrets, s => Assert.DoesNotContain(s, html, StringComparison.Ordinal));
        Assert.All(secrets, s => Assert.DoesNotContain(s, text, StringComparison.Ordinal));

        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
        using var api = await http.PostAsync("api/referrals/match", new StringContent($$"""{"zip":"{{TestPlaces.SeattleZip}}","needs":["emergencyShelter"]}""", Encoding.UTF8, "application/json"));
        var json = System.Text.Json.Nodes.JsonNode.Parse(await api.Content.ReadAsStringAsync())!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.All(secrets, s => Assert.DoesNotContain(s, json, StringComparison.Ordinal));
        Assert.Contains("\"confidential\":true", json, StringComparison.Ordinal);

        fixture.Logs.AssertNoneContains([TestPlaces.SeattleZip, .. secrets]);
    }

    [Theory]
    [InlineData("en", false)]
    [InlineData("en", true)]
    [InlineData("es", false)]
    [InlineData("es", true)]
    public async Task Axe_FindsNoSeriousOrCriticalViolation(string language, bool error)
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/?lang=" + language);
        await SearchAsync(page, error ? TestPlaces.UnknownZip : TestPlaces.SeattleZip, "emergencyShelter");
        await page.Locator(error ? "#results .error-summary" : "#results .match").First.WaitForAsync();
        if (!error)
        {
            await page.Locator("#results .match summary").First.ClickAsync();
        }

        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToArray();
        Assert.True(serious.Length == 0, string.Join("\n", serious.Select(v => $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    [Fact]
    public async Task QuickExit_LeavesAtOnce_AndBackDoesNotReturn()
    {
        var page = await fixture.NewPageAsync();
        await page.RouteAsync("https://www.weather.gov/**", route => route.FulfillAsync(new() { ContentType = "text/html", Body = "<title>Weather</title>" }));
        await page.GotoAsync("about:blank");
        await page.GotoAsync("/");
        Assert.Equal(2, await page.EvaluateAsync<int>("() => history.length"));
        await page.Locator("#quick-exit").ClickAsync();
        await page.WaitForURLAsync("https://www.weather.gov/**", new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });

        // The finder's entry was replaced, not followed by a new one: Back goes to the page before it.
        Assert.Equal(2, await page.EvaluateAsync<int>("() => history.length"));
        await page.GoBackAsync(new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        Assert.DoesNotContain(fixture.BaseAddress.Authority, page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultsPage_Screenshot()
    {
        var page = await fixture.NewPageAsync(900, 1200);
        await page.GotoAsync("/");
        await SearchAsync(page, TestPlaces.SeattleZip, "emergencyShelter");
        await page.Locator("#results .match").First.WaitForAsync();
        await page.Locator("#results .match summary").First.ClickAsync();
        var artifact = Path.Combine(BrowserFixture.ArtifactsFolder, "referral-finder-results.png");
        await page.ScreenshotAsync(new() { Path = artifact, FullPage = false });
        Assert.True(new FileInfo(artifact).Length > 10_000);

        // NHTRC_UPDATE_DOCS_IMAGES=1 refreshes the copy in docs/images (committed by hand, reviewed as any change).
        if (Environment.GetEnvironmentVariable("NHTRC_UPDATE_DOCS_IMAGES") == "1")
        {
            File.Copy(artifact, Path.Combine(BrowserFixture.RepositoryRoot(), "docs", "images", "referral-finder-results.png"), overwrite: true);
        }
    }

    private static void AssertNoEnglish(string text) => EnglishText.AssertNone(text);
}
