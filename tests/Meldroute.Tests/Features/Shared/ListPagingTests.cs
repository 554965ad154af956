using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.CaseTable;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Features.VictimDossiers;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Shared;

/// <summary>
/// The other lists page by cursor too (issue 22 item 3), on both databases: the reporter's own signals, the audit search,
/// the victim dossiers and the case-table meetings, each walked page by page in its order with every row once, and back;
/// a bad cursor is a 400 in Dutch on the API and the first page on the page.
/// </summary>
[Trait("Category", "Integration")]
public abstract partial class ListPagingTests(MeldrouteAppFactory app)
{
    private async Task WithDbAsync(Func<MeldrouteDbContext, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>());
    }

    /// <summary>A list whose body is an array: every page by the Link header's "next", then back by "prev"; the rows' <paramref name="key"/>.</summary>
    private static async Task<List<string>> WalkLinksAsync(HttpClient client, string url, Func<JsonElement, string> key)
    {
        var pages = new List<List<string>>();
        var links = new List<(string? Prev, string? Next)>();
        for (string? next = url; next is not null;)
        {
            var response = await client.GetAsync(next);
            var body = await response.JsonAsync(HttpStatusCode.OK);
            pages.Add([.. body.EnumerateArray().Select(key)]);
            var link = response.Headers.TryGetValues("Link", out var values) ? string.Join(", ", values) : "";
            string? Rel(string rel) => Regex.Match(link, "<([^>]+)>; rel=\"" + rel + "\"") is { Success: true } m ? m.Groups[1].Value : null;
            links.Add((Rel("prev"), Rel("next")));
            next = Rel("next");
            Assert.True(pages.Count < 200, "the walk does not end");
        }

        for (var i = pages.Count - 1; i > 0; i--)
        {
            var back = await (await client.GetAsync(links[i].Prev ?? throw new InvalidOperationException($"page {i + 1} has no prev link"))).JsonAsync(HttpStatusCode.OK);
            Assert.Equal(pages[i - 1], [.. back.EnumerateArray().Select(key)]);
        }

        return [.. pages.SelectMany(p => p)];
    }

    private static async Task AssertBadCursorAsync(HttpClient client, string url)
    {
        var problem = await (await client.GetAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "cursor=bm9n")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Deze paginaverwijzing", problem.GetProperty("errors").GetProperty("cursor")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reporters_own_signals_page_newest_change_first()
    {
        var reporterUser = await app.CreateAsync(Roles.Reporter);
        var reporter = await app.CreateApiClientAsync(reporterUser);
        var changed = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
        await WithDbAsync(async db =>
        {
            for (var i = 0; i < 30; i++)
            {
                // Ties on the last change, broken by the reference.
                db.Signals.Add(new Signal { Reference = $"MY-{i:D4}", SubmittedById = reporterUser.Id, ReceivedAt = changed.AddDays(-30), LastChangedAt = changed.AddHours(-(i % 5)) });
            }

            await db.SaveChangesAsync();
        });
        var expected = Enumerable.Range(0, 30).Select(i => (Changed: changed.AddHours(-(i % 5)), Reference: $"MY-{i:D4}"))
            .OrderByDescending(s => s.Changed).ThenByDescending(s => s.Reference, StringComparer.Ordinal).Select(s => s.Reference).ToList();

        Assert.Equal(expected, await WalkLinksAsync(reporter, "/api/my/signals?limit=4", r => r.GetProperty("reference").GetString()!));
        // Without a limit: the whole list of a reporter as before (up to a hundred), and no further link.
        var whole = await reporter.GetAsync("/api/my/signals");
        Assert.Equal(30, (await whole.JsonAsync(HttpStatusCode.OK)).GetArrayLength());
        Assert.False(whole.Headers.Contains("Link"));
        await AssertBadCursorAsync(reporter, "/api/my/signals");

        var browser = await app.SignInAsync(reporterUser);
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync("/Intake/Mine"));
        Assert.Contains(expected[0], html, StringComparison.Ordinal);
        Assert.DoesNotContain(expected[^1], html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"next-page\"", html, StringComparison.Ordinal);
        Assert.Contains(expected[^1], WebUtility.HtmlDecode(await browser.GetStringAsync(NextHref(html))), StringComparison.Ordinal);
        Assert.Contains(expected[0], WebUtility.HtmlDecode(await browser.GetStringAsync("/Intake/Mine?cursor=onleesbaar")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_search_pages_newest_first_by_sequence()
    {
        var privacyUser = await app.CreateAsync(Roles.PrivacyOfficer);
        var privacy = await app.CreateApiClientAsync(privacyUser);
        var (reporter, officer, _, _) = await app.ActorsAsync();
        var signal = await reporter.SubmitAsync(ProcedureApi.NewSignal("Een signaal dat een paar keer wordt ingezien, voor het bladeren door het auditlog."));
        var reference = signal.GetProperty("reference").GetString()!;
        for (var i = 0; i < 30; i++)
        {
            await officer.GetSignalAsync(signal.GetProperty("id").GetString()!);
        }

        List<long> expected = [];
        await WithDbAsync(async db => expected = await db.AuditEvents.Where(e => e.ObjectId == reference).OrderByDescending(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
        Assert.True(expected.Count > 8);

        var walked = new List<long>();
        string? cursor = null;
        var first = true;
        do
        {
            var page = await (await privacy.GetAsync($"/api/audit/events?object={reference}&limit=3" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)))).JsonAsync(HttpStatusCode.OK);
            Assert.Equal(JsonValueKind.Null, page.GetProperty("total").ValueKind);
            Assert.Equal(first, page.GetProperty("page").ValueKind == JsonValueKind.Number);
            walked.AddRange(page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("sequence").GetInt64()));
            cursor = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
            first = false;
        }
        while (cursor is not null);

        Assert.Equal(expected, walked);
        // Counted only when asked (the searches themselves are events on the reference too: counted are the reads).
        var counted = await (await privacy.GetAsync($"/api/audit/events?object={reference}&action=signal.read&count=true")).JsonAsync(HttpStatusCode.OK);
        var reads = 0;
        await WithDbAsync(async db => reads = await db.AuditEvents.CountAsync(e => e.ObjectId == reference && e.Action.StartsWith("signal.read")));
        Assert.Equal(reads, counted.GetProperty("total").GetInt32());
        await AssertBadCursorAsync(privacy, "/api/audit/events");
        await (await privacy.GetAsync("/api/audit/events?page=2")).JsonAsync(HttpStatusCode.BadRequest);

        var browser = await app.SignInAsync(privacyUser);
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync("/Audit"));
        Assert.Contains("Meer dan 50 gebeurtenissen", html, StringComparison.Ordinal);
        var next = NextHref(html);
        Assert.Contains("Query.Cursor=", next, StringComparison.Ordinal);
        Assert.Contains("op deze pagina", WebUtility.HtmlDecode(await browser.GetStringAsync(next)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dossiers_page_open_ones_first_then_closed_each_newest_first()
    {
        var coordinatorUser = await app.CreateAsync(Roles.VictimCareCoordinator);
        var coordinator = await app.CreateApiClientAsync(coordinatorUser);
        var opened = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(-60);
        var prefix = "D" + Guid.NewGuid().ToString("N")[..3].ToUpperInvariant();
        await WithDbAsync(async db =>
        {
            for (var i = 0; i < 30; i++)
            {
                var signal = new Signal { Reference = $"{prefix}-S{i:D3}", SubmittedById = "paging-test", Status = SignalStatus.Forwarded, ReceivedAt = opened };
                db.Signals.Add(signal);
                db.VictimDossiers.Add(new VictimDossier
                {
                    Reference = $"{prefix}-{i:D4}",
                    SignalId = signal.Id,
                    OpenedAt = opened.AddDays(i % 6),
                    ClosedAt = i % 3 == 0 ? opened.AddDays(40) : null,
                });
            }

            await db.SaveChangesAsync();
        });
        List<string> expected = [];
        await WithDbAsync(async db => expected = [.. (await db.VictimDossiers.AsNoTracking().Select(d => new { d.Reference, d.OpenedAt, d.ClosedAt }).ToListAsync())
            .OrderBy(d => d.ClosedAt is null ? 0 : 1).ThenByDescending(d => d.OpenedAt.UtcTicks).ThenByDescending(d => d.Reference, StringComparer.Ordinal).Select(d => d.Reference)]);

        Assert.Equal(expected, await WalkLinksAsync(coordinator, "/api/dossiers?includeClosed=true&limit=4", d => d.GetProperty("reference").GetString()!));
        await AssertBadCursorAsync(coordinator, "/api/dossiers");

        var browser = await app.SignInAsync(coordinatorUser);
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync("/VictimDossiers?includeClosed=true"));
        Assert.Contains("Meer dan 25 slachtofferdossiers", html, StringComparison.Ordinal);
        var next = NextHref(html);
        Assert.Contains("includeClosed=true", next, StringComparison.Ordinal);
        Assert.Contains(expected[^1], WebUtility.HtmlDecode(await browser.GetStringAsync(next)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_meetings_page_latest_first()
    {
        var officerUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var at = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(10);
        await WithDbAsync(async db =>
        {
            for (var i = 0; i < 30; i++)
            {
                // Two meetings at each time: the id breaks the tie.
                db.CaseTableMeetings.Add(new CaseTableMeeting { Title = $"Bladeroverleg {i:D2}", ScheduledAt = at.AddDays(-(i / 2)), CreatedById = officerUser.Id });
            }

            await db.SaveChangesAsync();
        });
        var browser = await app.SignInAsync(officerUser);
        var titles = new List<string>();
        for (string? url = "/CaseTable"; url is not null;)
        {
            var html = WebUtility.HtmlDecode(await browser.GetStringAsync(url));
            titles.AddRange(MeetingTitle().Matches(html).Select(m => m.Value));
            url = html.Contains("data-testid=\"next-page\"", StringComparison.Ordinal) ? NextHref(html) : null;
            Assert.True(titles.Count < 200, "the walk does not end");
        }

        Assert.Equal(30, titles.Count);
        Assert.Equal(titles.Count, titles.Distinct().Count());
        // Latest first: the pairs come out by date, newest first.
        Assert.Equal(Enumerable.Range(0, 30).Select(i => i / 2), titles.Select(t => int.Parse(t[^2..], System.Globalization.CultureInfo.InvariantCulture) / 2));
    }

    private static string NextHref(string html)
    {
        var link = Regex.Match(html, "<a [^>]*data-testid=\"next-page\"[^>]*>");
        Assert.True(link.Success, "no link to the next page");
        return Regex.Match(link.Value, "href=\"([^\"]+)\"").Groups[1].Value;
    }

    [GeneratedRegex("Bladeroverleg [0-9]{2}")]
    private static partial Regex MeetingTitle();
}

public sealed class ListPagingTestsOnSqlite(SqliteApp app) : ListPagingTests(app), IClassFixture<SqliteApp>;

public sealed class ListPagingTestsOnPostgres(PostgresApp app) : ListPagingTests(app), IClassFixture<PostgresApp>;
