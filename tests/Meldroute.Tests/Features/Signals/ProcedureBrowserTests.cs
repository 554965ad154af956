using Meldroute.Tests.TestSupport;
using Microsoft.Playwright;

namespace Meldroute.Tests.Features.Signals;

/// <summary>
/// The whole reporting procedure through the UI, as its users do it: the reporter submits, the officer analyses,
/// the case table decides, the officer forwards, the reporter sees "Doorgezet". axe-core runs on every page on the way.
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class ProcedureBrowserTests(BrowserApp browser)
{
    [Fact]
    public async Task A_signal_goes_from_the_reporter_through_the_case_table_to_forwarding()
    {
        var today = DateTime.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // The reporter submits through the guided form.
        var reporter = await browser.NewPageAsync();
        await reporter.SignInAsync("melder@meldroute.test");
        await reporter.GotoAsync("/Intake/New");
        await reporter.AssertAccessibleAsync("intake step 1");
        await reporter.CheckAsync("#danger-no");
        await reporter.ClickAsync("button:has-text('Volgende')");
        await reporter.AssertAccessibleAsync("intake step 2");
        await reporter.ClickAsync("button:has-text('Volgende')");
        Assert.Contains("Beschrijf wat u heeft gezien", await reporter.InnerTextAsync("main"), StringComparison.Ordinal);
        await reporter.AssertAccessibleAsync("intake step 2 with errors");
        await reporter.FillAsync("#Input_Description", "Jonge vrouw werkt dag en nacht in de keuken van het hotel en mag niet met gasten praten.");
        await reporter.FillAsync("#Input_ObservedOn", today);
        await reporter.SelectOptionAsync("#Input_LocationType", "Hotel");
        await reporter.CheckAsync("#form-Labour");
        await reporter.CheckAsync("#form-Sexual");
        Assert.False(await reporter.IsVisibleAsync("#Input_LocationOther")); // only when "Anders" is chosen
        await reporter.SelectOptionAsync("#Input_LocationType", "Other");
        Assert.True(await reporter.IsVisibleAsync("#Input_LocationOther"));
        await reporter.SelectOptionAsync("#Input_LocationType", "Hotel");
        await reporter.ClickAsync("button:has-text('Persoon toevoegen')");
        await reporter.SelectOptionAsync("#Input_People_0__Role", "PossibleVictim");
        await reporter.FillAsync("#Input_People_0__Name", "Marta Voorbeeld");
        await reporter.SelectOptionAsync("#Input_People_0__Minor", "Yes");
        Assert.Equal("Jonge vrouw werkt dag en nacht in de keuken van het hotel en mag niet met gasten praten.", await reporter.InputValueAsync("#Input_Description"));
        // Saved as a draft, left, and continued from "Mijn meldingen".
        await reporter.ClickAsync("button:has-text('Concept opslaan')");
        Assert.Contains("Concept opgeslagen", await reporter.InnerTextAsync("[data-testid=draft-saved]"), StringComparison.Ordinal);
        await reporter.GotoAsync("/Intake/Mine");
        await reporter.AssertAccessibleAsync("my reports with a draft");
        await reporter.ClickAsync("[data-testid=my-drafts] a:has-text('Verder met concept')");
        Assert.Equal("Marta Voorbeeld", await reporter.InputValueAsync("#Input_People_0__Name"));
        await reporter.ClickAsync("button:has-text('Volgende')");
        Assert.Contains("Stap 3 van 4", await reporter.InnerTextAsync("[data-testid=intake-step]"), StringComparison.Ordinal);
        Assert.Equal(0, await reporter.Locator("#indicator-C01").CountAsync()); // criminal exploitation was not chosen
        await reporter.CheckAsync("#indicator-L01");
        await reporter.AssertAccessibleAsync("intake step 3");
        await reporter.ClickAsync("button:has-text('Controleren')");
        Assert.Contains("Marta Voorbeeld", await reporter.InnerTextAsync("[data-testid=review]"), StringComparison.Ordinal);
        await reporter.AssertAccessibleAsync("intake review");
        await reporter.ClickAsync("button:has-text('Versturen')");
        var reference = await reporter.InnerTextAsync("[data-testid=reference]");
        Assert.Matches(@"^MR-\d{4}-\d{4}$", reference);
        await reporter.AssertAccessibleAsync("intake confirmation");
        await reporter.GotoAsync("/Intake/Mine");
        Assert.Contains("Ontvangen", await reporter.InnerTextAsync("[data-testid=my-signals]"), StringComparison.Ordinal);
        Assert.Equal(0, await reporter.Locator("[data-testid=my-drafts]").CountAsync()); // sent: the draft is gone
        await reporter.AssertAccessibleAsync("my reports");

        // The officer analyses it and plans a meeting.
        var officer = await browser.NewPageAsync();
        await officer.SignInAsync("aandachtsfunctionaris@meldroute.test");
        await officer.GotoAsync("/Handling");
        await officer.AssertAccessibleAsync("inbox");
        await officer.ClickAsync($"a:has-text('{reference}')");
        Assert.Contains("Marta Voorbeeld", await officer.InnerTextAsync("[data-testid=people]"), StringComparison.Ordinal);
        await officer.AssertAccessibleAsync("signal page");
        var signalUrl = officer.Url;
        await officer.SelectOptionAsync("#Analysis_Urgency", "High");
        await officer.FillAsync("#Analysis_Notes", "Nagegaan: hotel staat bekend bij handhaving.");
        await officer.ClickAsync("button:has-text('Analyse opslaan')");
        Assert.Equal("In analyse", await officer.InnerTextAsync("[data-testid=signal-status]"));

        await officer.GotoAsync("/CaseTable");
        await officer.AssertAccessibleAsync("case table");
        await officer.FillAsync("#Input_Title", "LOO test");
        await officer.FillAsync("#Input_ScheduledAt", DateTime.Today.AddDays(1).ToString("yyyy-MM-dd'T'10:00", System.Globalization.CultureInfo.InvariantCulture));
        await officer.CheckAsync("label:has-text('Demo Lid casustafel')");
        await officer.ClickAsync("button:has-text('Overleg plannen')");
        await officer.AssertAccessibleAsync("meeting");

        await officer.GotoAsync(signalUrl);
        await officer.SelectOptionAsync("#MeetingId", new SelectOptionValue { Label = (await officer.Locator("#MeetingId option", new() { HasTextString = "LOO test" }).First.InnerTextAsync()).Trim() });
        await officer.ClickAsync("button:has-text('Op de agenda zetten')");
        Assert.Equal("Op agenda casustafel", await officer.InnerTextAsync("[data-testid=signal-status]"));

        // The case-table member sees the signal on the agenda of the meeting they attend.
        var member = await browser.NewPageAsync();
        await member.SignInAsync("casustafel@meldroute.test");
        await member.GotoAsync("/CaseTable");
        await member.ClickAsync("a:has-text('LOO test')");
        await member.ClickAsync($"a:has-text('{reference}')");
        Assert.Contains("Marta Voorbeeld", await member.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(0, await member.Locator("button:has-text('Analyse opslaan')").CountAsync());
        await member.AssertAccessibleAsync("signal page for a case-table member");

        // The decision: labour exploitation proposes the NLA and the minor youth care; the victim track is added.
        await officer.ClickAsync("a:has-text('Besluit vastleggen')");
        await officer.AssertAccessibleAsync("decision");
        Assert.True(await officer.IsCheckedAsync("#route-LabourInspectorate"));
        Assert.True(await officer.IsCheckedAsync("#route-YouthCare"));
        await officer.CheckAsync("#route-VictimTrack");
        await officer.FillAsync("#Assessment", "De tafel acht zorg en toezicht nodig.");
        await officer.ClickAsync("button:has-text('Besluit vastleggen')");
        await officer.AssertAccessibleAsync("decision with errors");
        // Every forwarding route gets a reason and a hand-over summary (form order: VictimTrack 0, LabourInspectorate 2, YouthCare 4).
        foreach (var (route, index) in new[] { ("VictimTrack", 0), ("LabourInspectorate", 2), ("YouthCare", 4) })
        {
            await officer.FillAsync($"#Routes_{index}__Reason", "Toelichting voor " + route);
            await officer.FillAsync($"#Routes_{index}__HandoverSummary", "Samenvatting voor " + route);
        }

        await officer.ClickAsync("button:has-text('Besluit vastleggen')");
        Assert.Equal("Besluit genomen", await officer.InnerTextAsync("[data-testid=signal-status]"));

        // Each route its own balancing of interests, naming its recipient, before anything goes out.
        foreach (var route in new[] { "VictimTrack", "LabourInspectorate", "YouthCare" })
        {
            var card = officer.Locator($"article[data-testid=route-{route}]");
            Assert.Contains("belangenafweging voor deze route", await card.Locator("[data-testid=route-steps]").InnerTextAsync(), StringComparison.Ordinal);
            await card.Locator("select[name='Balancing.RecipientPartnerId']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
            foreach (var field in new[] { "WeighedBy", "Purpose", "Necessity", "Proportionality", "Subsidiarity", "Outcome" })
            {
                await card.Locator($"textarea[name='Balancing.{field}']").FillAsync("Afweging: " + field);
            }

            await card.Locator("select[name='Balancing.SharingJustified']").SelectOptionAsync("true");
            await card.Locator("button:has-text('Belangenafweging vastleggen')").ClickAsync();
            Assert.Equal(1, await officer.Locator($"article[data-testid=route-{route}] [data-testid=balancing-record]").CountAsync());
        }

        await officer.AssertAccessibleAsync("signal page with routes to hand over");
        await officer.ClickAsync("article[data-testid=route-VictimTrack] a:has-text('Overdrachtsformulier')");
        Assert.Contains("Marta Voorbeeld", await officer.InnerTextAsync("[data-testid=handover-person]"), StringComparison.Ordinal);
        Assert.Contains("Samenvatting voor VictimTrack", await officer.InnerTextAsync("[data-testid=handover-summary]"), StringComparison.Ordinal);
        Assert.DoesNotContain("mag niet met gasten praten", await officer.InnerTextAsync("main"), StringComparison.Ordinal);
        await officer.AssertAccessibleAsync("hand-over sheet");
        // A print button (the print stylesheet hides everything but the sheet) beside the PDF download.
        Assert.True(await officer.IsVisibleAsync("[data-testid=print]"));
        var pdf = await officer.RunAndWaitForDownloadAsync(() => officer.ClickAsync("main a:has-text('Downloaden als pdf')"));
        Assert.EndsWith(".pdf", pdf.SuggestedFilename, StringComparison.Ordinal);
        await officer.GotoAsync(signalUrl);

        // Youth care by one-time link: the partner opens it without an account and confirms receipt; then it is gone.
        await officer.ClickAsync("article[data-testid=route-YouthCare] button:has-text('Eenmalige link maken')");
        var link = (await officer.InnerTextAsync("[data-testid=issued-link-url]")).Trim();
        await officer.AssertAccessibleAsync("signal page with an issued link");
        var partner = await browser.NewPageAsync();
        await partner.GotoAsync(link);
        Assert.Contains("Marta Voorbeeld", await partner.InnerTextAsync("[data-testid=handover-person]"), StringComparison.Ordinal);
        await partner.AssertAccessibleAsync("partner's hand-over page");
        await partner.ClickAsync("[data-testid=confirm-receipt]");
        await partner.AssertAccessibleAsync("partner's hand-over page with errors");
        await partner.FillAsync("#Receipt_Name", "J. Jansen");
        await partner.FillAsync("#Receipt_Organisation", "Jeugdzorg Haarlemmermeer");
        await partner.ClickAsync("[data-testid=confirm-receipt]");
        Assert.Contains("Ontvangst bevestigd", await partner.InnerTextAsync("h1"), StringComparison.Ordinal);
        await partner.AssertAccessibleAsync("partner's receipt confirmed");
        var gone = await partner.GotoAsync(link);
        Assert.Equal(410, gone!.Status);
        Assert.DoesNotContain("Marta", await partner.InnerTextAsync("main"), StringComparison.Ordinal);
        await partner.AssertAccessibleAsync("used hand-over link");

        // The other two by hand; the last one asks once more, because it deletes the personal data.
        await officer.GotoAsync(signalUrl);
        foreach (var route in new[] { "VictimTrack", "LabourInspectorate" })
        {
            var card = officer.Locator($"article[data-testid=route-{route}]");
            await card.Locator("select[name='Confirm.Channel']").SelectOptionAsync("SecureMail");
            await card.Locator("input[name='Confirm.ForwardedOn']").FillAsync(today);
            await card.Locator("button:has-text('Doorzetten bevestigen')").ClickAsync();
            await officer.AssertAccessibleAsync("signal page after confirming " + route);
        }

        Assert.Equal("Besluit genomen", await officer.InnerTextAsync("[data-testid=signal-status]"));
        Assert.Contains("definitief verwijderd", await officer.InnerTextAsync("[data-testid=confirm-step]"), StringComparison.Ordinal);
        await officer.AssertAccessibleAsync("confirmation before the personal data is deleted");
        await officer.ClickAsync("[data-testid=confirm-step] button[type=submit]");
        Assert.Equal("Doorgezet", await officer.InnerTextAsync("[data-testid=signal-status]"));
        Assert.Contains("definitief verwijderd", await officer.InnerTextAsync("[data-testid=deletion-receipt]"), StringComparison.Ordinal);
        Assert.DoesNotContain("Marta Voorbeeld", await officer.InnerTextAsync("main"), StringComparison.Ordinal);
        await officer.SelectOptionAsync("#Feedback_Message", "ThankYouForwarded");
        await officer.ClickAsync("button:has-text('Terugkoppeling geven')");

        // The reporter sees only the general status and the general message.
        await reporter.GotoAsync("/Intake/Mine");
        var mine = await reporter.InnerTextAsync("[data-testid=my-signals]");
        Assert.Contains("Doorgezet", mine, StringComparison.Ordinal);
        Assert.Contains("Uw signaal is doorgezet", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Slachtofferspoor", mine, StringComparison.Ordinal);
        await reporter.AssertAccessibleAsync("my reports after forwarding");

        // The victim-care coordinator finds the shielded dossier the victim track opened, with the victim only.
        var coordinator = await browser.NewPageAsync();
        await coordinator.SignInAsync("zorgcoordinator@meldroute.test");
        await coordinator.ClickAsync("[data-testid=main-navigation] a:has-text('Slachtofferdossiers')");
        await coordinator.AssertAccessibleAsync("victim dossiers");
        await coordinator.ClickAsync($"a:has-text('SD{reference[2..]}')");
        Assert.Contains("Marta Voorbeeld", await coordinator.InnerTextAsync("[data-testid=victims]"), StringComparison.Ordinal);
        await coordinator.AssertAccessibleAsync("victim dossier");
        await coordinator.SelectOptionAsync("#Note_Kind", "ContactMoment");
        await coordinator.ClickAsync("button:has-text('Notitie toevoegen') >> nth=-1");
        Assert.Contains("Vul dit veld in", await coordinator.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal("ContactMoment", await coordinator.InputValueAsync("#Note_Kind"));
        await coordinator.AssertAccessibleAsync("victim dossier with errors");
        await coordinator.FillAsync("#Note_Text", "Eerste gesprek op locatie, tolk Roemeens geregeld.");
        await coordinator.ClickAsync("button:has-text('Notitie toevoegen') >> nth=-1");
        Assert.Contains("Eerste gesprek op locatie", await coordinator.InnerTextAsync("[data-testid=notes]"), StringComparison.Ordinal);
        await coordinator.FillAsync("#Reflection_Start", today);
        await coordinator.ClickAsync("button:has-text('Bedenktijd vastleggen')");
        Assert.Contains("Bedenktijd van", await coordinator.InnerTextAsync("[data-testid=reflection-period]"), StringComparison.Ordinal);
        await coordinator.SelectOptionAsync("#Close_Reason", "CareCompleted");
        await coordinator.ClickAsync("button:has-text('Dossier afsluiten') >> nth=-1");
        Assert.Equal("Afgesloten", await coordinator.InnerTextAsync("[data-testid=dossier-state]"));
        await coordinator.AssertAccessibleAsync("closed victim dossier");

        foreach (var page in new[] { reporter, officer, member, coordinator })
        {
            await page.Context.CloseAsync();
        }
    }
}
