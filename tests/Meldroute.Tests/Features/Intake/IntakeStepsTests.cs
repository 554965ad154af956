using System.Net;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Security;

namespace Meldroute.Tests.Features.Intake;

/// <summary>
/// The intake form's steps without JavaScript: named steps, the indicators on a step of their own showing only those of
/// the chosen forms, and nothing typed lost between steps.
/// </summary>
[Trait("Category", "Integration")]
public abstract class IntakeStepsTests(MeldrouteAppFactory app)
{
    private const string Description = "Man slaapt in de loods van het distributiecentrum en werkt zeven dagen per week.";

    private static Dictionary<string, string> Details(params string[] forms)
    {
        var fields = new Dictionary<string, string>
        {
            ["IdempotencyKey"] = Guid.NewGuid().ToString("N"),
            ["Input.AcuteDanger"] = "false",
            ["Input.Description"] = Description,
            ["Input.ObservedOn"] = DateTime.Today.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.LocationType"] = "CompanyOrDistributionCentre",
        };
        for (var i = 0; i < forms.Length; i++)
        {
            // A form field posted more than once: FormUrlEncodedContent takes pairs, so each gets its own index key.
            fields[$"Input.Forms[{i}]"] = forms[i];
        }

        return fields;
    }

    private static async Task<string> HtmlAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Details_lead_to_a_step_with_only_the_indicators_of_the_chosen_forms_and_the_general_ones()
    {
        var reporter = await app.SignInAsync(await app.CreateAsync(Roles.Reporter));

        var html = await HtmlAsync(await reporter.PostFormAsync("/Intake/New", Details("Labour"), "/Intake/New?handler=Indicators"));

        Assert.Contains("Stap 3 van 4: Herkende signalen", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"step\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"indicator-L01\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"indicator-G01\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"indicator-S01\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"indicator-C01\"", html, StringComparison.Ordinal);
        // The details travel along, unseen.
        Assert.Contains($"type=\"hidden\" name=\"Input.Description\" value=\"{Description}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_knowing_the_form_shows_every_forms_indicators()
    {
        var reporter = await app.SignInAsync(await app.CreateAsync(Roles.Reporter));

        var html = await HtmlAsync(await reporter.PostFormAsync("/Intake/New", Details("Unknown"), "/Intake/New?handler=Indicators"));

        foreach (var code in new[] { "G01", "S01", "L01", "C01" })
        {
            Assert.Contains($"id=\"indicator-{code}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Errors_in_the_details_keep_the_reporter_on_the_details_with_what_was_typed()
    {
        var reporter = await app.SignInAsync(await app.CreateAsync(Roles.Reporter));
        var fields = Details("Labour");
        fields["Input.Description"] = "te kort";

        var html = await HtmlAsync(await reporter.PostFormAsync("/Intake/New", fields, "/Intake/New?handler=Indicators"));

        Assert.Contains("Stap 2 van 4: Wat u zag", html, StringComparison.Ordinal);
        Assert.Contains("ten minste 20 tekens", html, StringComparison.Ordinal);
        Assert.Contains(">te kort</textarea>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Indicators_of_a_form_no_longer_chosen_are_not_sent_and_the_review_shows_the_rest()
    {
        var reporter = await app.SignInAsync(await app.CreateAsync(Roles.Reporter));
        // Sexual and labour were chosen and an indicator of each ticked; then the reporter went back and unticked sexual.
        var fields = Details("Labour");
        fields["Input.IndicatorCodes[0]"] = "S01";
        fields["Input.IndicatorCodes[1]"] = "L01";

        var html = await HtmlAsync(await reporter.PostFormAsync("/Intake/New", fields, "/Intake/New?handler=Review"));

        Assert.Contains("Stap 4 van 4: Controleren en versturen", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.IndicatorCodes\" value=\"L01\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"S01\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Back_from_the_indicators_the_details_are_as_typed_and_the_ticked_indicators_travel_along()
    {
        var reporter = await app.SignInAsync(await app.CreateAsync(Roles.Reporter));
        var fields = Details("Labour");
        fields["Input.IndicatorCodes[0]"] = "L02";

        var html = await HtmlAsync(await reporter.PostFormAsync("/Intake/New", fields, "/Intake/New?handler=Edit"));

        Assert.Contains("Stap 2 van 4: Wat u zag", html, StringComparison.Ordinal);
        Assert.Contains($">{Description}</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("type=\"hidden\" name=\"Input.IndicatorCodes\" value=\"L02\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"mr-when-location-other\"", html, StringComparison.Ordinal);
    }
}

public sealed class IntakeStepsTestsOnSqlite(SqliteApp app) : IntakeStepsTests(app), IClassFixture<SqliteApp>;

public sealed class IntakeStepsTestsOnPostgres(PostgresApp app) : IntakeStepsTests(app), IClassFixture<PostgresApp>;
