using System.Net;
using System.Net.Http.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Retention;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Meldroute.Tests.Features.Intake;

/// <summary>
/// Drafts of a report: only their author sees them, the form continues where it was saved, sending deletes the
/// draft, and an unsent draft is purged with its data key after 7 days.
/// </summary>
[Trait("Category", "Integration")]
public abstract class IntakeDraftsTests : IDisposable
{
    private const string Secret = "Ilse Conceptvrouw werkt in het bollenveld zonder loon en slaapt in een schuur.";

    // Today at nine (UTC): the observation date of the signals is checked against the app's clock.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(9), TimeSpan.Zero));
    private readonly MeldrouteAppFactory app;

    protected IntakeDraftsTests(Database database) =>
        app = new MeldrouteAppFactory(database, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));

    public void Dispose()
    {
        app.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task The_author_saves_lists_reads_and_updates_a_draft_and_no_one_else_finds_it()
    {
        var author = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var other = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));

        var created = await (await author.PostAsJsonAsync("/api/my/drafts", new { content = ProcedureApi.NewSignal(Secret), step = "Indicators" })).JsonAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        var list = await (await author.GetAsync("/api/my/drafts")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetString());
        Assert.DoesNotContain(Secret, list.GetRawText(), StringComparison.Ordinal); // the list names no content
        Assert.Equal(clock.GetUtcNow().AddDays(7), list[0].GetProperty("deletedAfter").GetDateTimeOffset());

        var read = await (await author.GetAsync($"/api/my/drafts/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(Secret, read.GetProperty("content").GetProperty("description").GetString());
        Assert.Equal("Indicators", read.GetProperty("step").GetString());

        var version = read.GetProperty("version").GetString();
        var saved = await (await author.PutAsJsonAsync($"/api/my/drafts/{id}", new { content = ProcedureApi.NewSignal(Secret + " Ook 's nachts."), step = "Details", version })).JsonAsync(HttpStatusCode.OK);
        Assert.NotEqual(version, saved.GetProperty("version").GetString());
        // The same old version again: someone saved in between (another window).
        await (await author.PutAsJsonAsync($"/api/my/drafts/{id}", new { content = ProcedureApi.NewSignal(Secret), step = "Details", version })).JsonAsync(HttpStatusCode.Conflict);
        // Without the version read: refused, as every change to an existing record (issue 20).
        await (await author.PutAsJsonAsync($"/api/my/drafts/{id}", new { content = ProcedureApi.NewSignal(Secret), step = "Details" })).JsonAsync(HttpStatusCode.PreconditionRequired);

        Assert.Empty((await (await other.GetAsync("/api/my/drafts")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        await (await other.GetAsync($"/api/my/drafts/{id}")).JsonAsync(HttpStatusCode.NotFound);
        await (await other.PutAsJsonAsync($"/api/my/drafts/{id}", new { content = ProcedureApi.NewSignal("Overschreven door een ander dan de schrijver."), step = "Details", version = saved.GetProperty("version").GetString() })).JsonAsync(HttpStatusCode.NotFound);
        await (await other.DeleteAsync($"/api/my/drafts/{id}")).JsonAsync(HttpStatusCode.NotFound);

        await (await author.DeleteAsync($"/api/my/drafts/{id}")).JsonAsync(HttpStatusCode.NoContent);
        await (await author.GetAsync($"/api/my/drafts/{id}")).JsonAsync(HttpStatusCode.NotFound);
        await (await author.PostAsJsonAsync("/api/my/drafts", new { step = "Details" })).JsonAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_form_saves_a_draft_continues_it_from_my_reports_and_sending_deletes_it_with_its_key()
    {
        var reporter = await app.CreateAsync(Roles.Reporter);
        var browser = await app.SignInAsync(reporter);
        var fields = new Dictionary<string, string>
        {
            ["IdempotencyKey"] = Guid.NewGuid().ToString("N"),
            ["Step"] = "Details",
            ["Input.AcuteDanger"] = "false",
            ["Input.Description"] = Secret,
            ["Input.ObservedOn"] = clock.GetUtcNow().AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.LocationType"] = "FarmOrGreenhouse",
            ["Input.Forms[0]"] = "Labour",
        };

        var saved = System.Net.WebUtility.HtmlDecode(await (await browser.PostFormAsync("/Intake/New", fields, "/Intake/New?handler=SaveDraft")).Content.ReadAsStringAsync());
        Assert.Contains("Concept opgeslagen om", saved, StringComparison.Ordinal);
        Assert.Contains($">{Secret}</textarea>", saved, StringComparison.Ordinal); // still on the step, as typed

        var mine = await browser.GetStringAsync("/Intake/Mine");
        Assert.Contains("data-testid=\"my-drafts\"", mine, StringComparison.Ordinal);
        var id = System.Text.RegularExpressions.Regex.Match(mine, "/Intake/New\\?draft=([0-9a-f-]{36})").Groups[1].Value;
        var continued = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync($"/Intake/New?draft={id}"));
        Assert.Contains("Stap 2 van 4: Wat u zag", continued, StringComparison.Ordinal);
        Assert.Contains($">{Secret}</textarea>", continued, StringComparison.Ordinal);
        Assert.Contains("value=\"FarmOrGreenhouse\" selected", continued, StringComparison.Ordinal);
        // Another reporter (or a guessed id) finds nothing.
        var stranger = await app.SignInAsync(await app.CreateAsync(Roles.Reporter));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Intake/New?draft={id}")).StatusCode);

        Guid? keyId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            keyId = (await db.IntakeDrafts.AsNoTracking().SingleAsync(d => d.Id == Guid.Parse(id))).DataKeyId;
            Assert.NotNull(keyId);
        }

        var version = System.Text.RegularExpressions.Regex.Match(continued, "name=\"DraftVersion\" value=\"([0-9a-f-]{36})\"").Groups[1].Value;
        var send = new Dictionary<string, string>(fields) { ["DraftId"] = id, ["DraftVersion"] = version, ["Step"] = "Review" };
        var sent = await browser.PostFormAsync("/Intake/New", send, "/Intake/New?handler=Submit");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.StartsWith("/Intake/Submitted", sent.Headers.Location!.OriginalString, StringComparison.Ordinal);

        Assert.DoesNotContain("data-testid=\"my-drafts\"", await browser.GetStringAsync("/Intake/Mine"), StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            Assert.False(await db.IntakeDrafts.AnyAsync());
            var key = await db.DataKeys.AsNoTracking().SingleAsync(k => k.Id == keyId);
            Assert.Null(key.WrappedKey);
        }
    }

    [Fact]
    public async Task An_unsent_draft_is_purged_with_its_key_after_seven_days_and_a_newer_one_stays()
    {
        var user = await app.CreateAsync(Roles.Reporter);
        var author = await app.CreateApiClientAsync(user);
        var old = (await (await author.PostAsJsonAsync("/api/my/drafts", new { content = ProcedureApi.NewSignal(Secret) })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        clock.Advance(TimeSpan.FromDays(3));
        author = await app.CreateApiClientAsync(user); // a token lives 20 minutes
        var newer = (await (await author.PostAsJsonAsync("/api/my/drafts", new { content = ProcedureApi.NewSignal(Secret) })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        clock.Advance(TimeSpan.FromDays(4) + TimeSpan.FromMinutes(1));
        RetentionResult result;
        Dictionary<Guid, Guid?> keyOf;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            keyOf = await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().IntakeDrafts.ToDictionaryAsync(d => d.Id, d => d.DataKeyId);
            result = await scope.ServiceProvider.GetRequiredService<RunRetention>().RunAsync();
        }

        Assert.Equal(1, result.DraftsPurged);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            Assert.Equal([newer], await db.IntakeDrafts.Select(d => d.Id).ToListAsync());
            Assert.Null((await db.DataKeys.AsNoTracking().SingleAsync(k => k.Id == keyOf[old])).WrappedKey);
            Assert.NotNull((await db.DataKeys.AsNoTracking().SingleAsync(k => k.Id == keyOf[newer])).WrappedKey);
        }

        author = await app.CreateApiClientAsync(user);
        await (await author.GetAsync($"/api/my/drafts/{old}")).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(Secret, (await (await author.GetAsync($"/api/my/drafts/{newer}")).JsonAsync(HttpStatusCode.OK)).GetProperty("content").GetProperty("description").GetString());
    }
}

public sealed class IntakeDraftsTestsOnSqlite() : IntakeDraftsTests(Database.Sqlite);

public sealed class IntakeDraftsTestsOnPostgres() : IntakeDraftsTests(Database.Postgres);
