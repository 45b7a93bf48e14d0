using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Samverka.Tests.Browser;

namespace Samverka.Tests.Features.SelfAssessment;

/// <summary>
/// The "done when": a staff member answers on a phone and sees their profile. A phone-size
/// Chromium answers the whole form with the keyboard alone (Tab, Space, arrow keys, Enter).
/// </summary>
public class PhoneAnswerBrowserTests(BrowserFixture fx) : IClassFixture<BrowserFixture>
{
    private const int PhoneWidth = 390;

    private sealed class Focused
    {
        public string Tag { get; set; } = "";
        public string? Type { get; set; }
        public string? Name { get; set; }
        public bool GroupChecked { get; set; }
    }

    private const string FocusedScript = """
        () => {
            const e = document.activeElement;
            const name = e?.getAttribute('name');
            const checked = name ? document.querySelector(`input[name="${CSS.escape(name)}"]:checked`) !== null : false;
            return { tag: e?.tagName ?? '', type: e?.getAttribute('type'), name, groupChecked: checked };
        }
        """;

    [Fact]
    public async Task Phone_KeyboardOnly_AnswersEveryStatement_AndSeesTheProfile()
    {
        var round = await AssessmentSamples.CreateRoundAsync(fx.App, "12", 2000);
        var library = await AssessmentSamples.LibraryAsync(fx.App, "Malmö stadsbibliotek");
        await using var context = await fx.NewContextAsync(width: PhoneWidth, height: 844);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/sjalvskattning/svara/{round.LibraryTokens[library]}");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= PhoneWidth, "The form scrolls sideways on a phone");

        // Tab through the page; in each radio group pick an answer with the keyboard, then send with Enter.
        var statements = 0;
        var sent = false;
        for (var i = 0; i < 400 && !sent; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var f = await page.EvaluateAsync<Focused>(FocusedScript);
            if (f.Tag == "INPUT" && f.Type == "radio" && !f.GroupChecked)
            {
                if (f.Name!.StartsWith("Input.Scores", StringComparison.Ordinal))
                {
                    // Focus lands on point 1 unchecked; each arrow moves on and checks: four presses give 5.
                    for (var k = 0; k < 4; k++) await page.Keyboard.PressAsync("ArrowRight");
                    statements++;
                }
                else await page.Keyboard.PressAsync("Space");
            }
            else if (f.Tag == "BUTTON" && f.Type == "submit")
            {
                await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");
                sent = true;
            }
        }
        Assert.True(sent, "The submit button was never reached with Tab");
        Assert.Equal(24, statements);
        // The POST's response can arrive before the browser has swapped in the new page: wait for the profile itself.
        await page.Locator(".profile-words").WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Visible, Timeout = 30_000 });

        Assert.True(await page.Locator(".profile-words").IsVisibleAsync(), "No profile after sending");
        Assert.True(await page.Locator("svg.bar-chart").First.IsVisibleAsync());
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= PhoneWidth, "The profile scrolls sideways on a phone");
        await page.ScreenshotAsync(new() { Path = Path.Combine(fx.ScreenshotDirectory, "phone-self-assessment-profile.png"), FullPage = true });
        var axe = await page.RunAxe();
        Assert.Empty(axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => v.Id));

        var stored = await fx.App.WithDbAsync(db => db.AssessmentResponses.Include(r => r.Scores).SingleAsync(r => r.RoundId == round.Id));
        Assert.Equal((library, 24), (stored.LibraryId!.Value, stored.Scores.Count));
        Assert.All(stored.Scores, s => Assert.Equal(5, s.Score));
    }
}
