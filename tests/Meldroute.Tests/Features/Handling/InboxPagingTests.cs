using System.Net;
using System.Text;
using System.Text.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Figures;
using Meldroute.Web.Features.Handling;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Meldroute.Tests.Features.Handling;

/// <summary>
/// The inbox pages by cursor (issue 22 item 3), on both databases: every sort walked page by page gives every row once,
/// in the order the inbox promises, forward and back; rows added between pages do not shift it; filters combine with
/// the cursor; a bad cursor is a 400 in Dutch; the count only when asked. The expected order is worked out here from
/// every signal in the database.
/// </summary>
[Trait("Category", "Integration")]
public abstract class InboxPagingTests(MeldrouteAppFactory app)
{
    private sealed record Stored(string Reference, SignalStatus Status, DateTimeOffset ReceivedAt, bool AcuteDanger, Urgency Urgency, ExploitationForms Forms, ExploitationForms ClassifiedForms, SignalSource Source, string? AssignedOfficerId, int InboxRank);

    private static readonly SignalStatus[] Mix = [SignalStatus.Received, SignalStatus.InAnalysis, SignalStatus.Received, SignalStatus.OnAgenda, SignalStatus.Decided, SignalStatus.Forwarded, SignalStatus.Received, SignalStatus.ClosedWithoutAction, SignalStatus.InAnalysis, SignalStatus.Closed];

    /// <summary>Signals straight into the database: a mix of statuses, urgencies and forms, many received at the same instant.</summary>
    private async Task SeedAsync(string prefix, int count, string? officerId = null, Func<int, string?>? description = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var day = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
        for (var i = 0; i < count; i++)
        {
            db.Signals.Add(new Signal
            {
                Reference = $"{prefix}-{i:D4}",
                SubmittedById = "paging-test",
                Status = Mix[i % Mix.Length],
                // Nine instants for all of them: ties everywhere, broken by status and reference.
                ReceivedAt = day.AddDays(-(i % 9) * 4).AddHours(i % 3 == 0 ? 0 : 9),
                LastChangedAt = day,
                AcuteDanger = i % 13 == 0,
                Urgency = i % 5 == 0 ? Urgency.High : i % 11 == 0 ? Urgency.Acute : Urgency.Normal,
                Forms = i % 2 == 0 ? ExploitationForms.Labour : ExploitationForms.Sexual,
                Source = i % 3 == 0 ? SignalSource.Partner : SignalSource.InternalReport,
                AssignedOfficerId = i % 4 == 0 ? officerId : null,
                Description = description?.Invoke(i),
            });
        }

        await db.SaveChangesAsync();
    }

    private async Task<List<Stored>> AllAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        return await db.Signals.AsNoTracking()
            .Select(s => new Stored(s.Reference, s.Status, s.ReceivedAt, s.AcuteDanger, s.Urgency, s.Forms, s.ClassifiedForms, s.Source, s.AssignedOfficerId, s.InboxRank))
            .ToListAsync();
    }

    private FiguresOptions Norms => app.Services.GetRequiredService<IOptions<FiguresOptions>>().Value;

    private int DueDay(Stored s) => SignalDue.NextStep(s.Status) is { } step ? WorkingDays.LastDayWithin(s.ReceivedAt, Norms.NormFor(step)).DayNumber : int.MaxValue;

    /// <summary>The order the inbox promises for each sort.</summary>
    private List<string> Expected(IEnumerable<Stored> rows, string sort) => sort switch
    {
        "Oldest" => [.. rows.OrderBy(s => s.ReceivedAt.UtcTicks).ThenBy(s => s.Status).ThenBy(s => s.Reference, StringComparer.Ordinal).Select(s => s.Reference)],
        "Newest" => [.. rows.OrderByDescending(s => s.ReceivedAt.UtcTicks).ThenByDescending(s => s.Status).ThenByDescending(s => s.Reference, StringComparer.Ordinal).Select(s => s.Reference)],
        "Due" => [.. rows.OrderBy(DueDay).ThenBy(s => s.ReceivedAt.UtcTicks).ThenBy(s => s.Status).ThenBy(s => s.Reference, StringComparer.Ordinal).Select(s => s.Reference)],
        _ => [.. rows.OrderBy(s => s.InboxRank).ThenBy(s => s.ReceivedAt.UtcTicks).ThenBy(s => s.Reference, StringComparer.Ordinal).Select(s => s.Reference)],
    };

    private static async Task<JsonElement> PageAsync(HttpClient officer, string query, string? cursor) =>
        await (await officer.GetAsync("/api/signals?" + query + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)))).JsonAsync(HttpStatusCode.OK);

    private static string? Text(JsonElement page, string name) => page.GetProperty(name).ValueKind == JsonValueKind.Null ? null : page.GetProperty(name).GetString();

    private static List<string> References(JsonElement page) => [.. page.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("reference").GetString()!)];

    /// <summary>Every page from the first by <c>next</c>, then back from the last by <c>previous</c>: the same pages both ways.</summary>
    private static async Task<List<string>> WalkAsync(HttpClient officer, string query)
    {
        var pages = new List<(List<string> Rows, JsonElement Page)>();
        string? cursor = null;
        do
        {
            var page = await PageAsync(officer, query, cursor);
            Assert.True(pages.Count == 0 ? Text(page, "previous") is null && page.GetProperty("page").GetInt32() == 1 : page.GetProperty("page").ValueKind == JsonValueKind.Null);
            pages.Add((References(page), page));
            cursor = Text(page, "next");
            Assert.True(pages.Count < 500, "the walk does not end");
        }
        while (cursor is not null);

        for (var i = pages.Count - 1; i > 0; i--)
        {
            var back = await PageAsync(officer, query, Text(pages[i].Page, "previous") ?? throw new InvalidOperationException($"page {i + 1} has no previous"));
            Assert.Equal(pages[i - 1].Rows, References(back));
        }

        return [.. pages.SelectMany(p => p.Rows)];
    }

    [Fact]
    public async Task Every_sort_walked_by_cursor_gives_every_row_once_in_order_both_ways()
    {
        var (_, officer, _, _) = await app.ActorsAsync();
        await SeedAsync("KW", 60);
        var all = await AllAsync();
        var open = all.Where(s => SignalStateMachine.IsOpen(s.Status)).ToList();

        foreach (var sort in new[] { "Urgency", "Oldest", "Newest", "Due" })
        {
            var walked = await WalkAsync(officer, $"sort={sort}&limit=7");
            Assert.Equal(Expected(open, sort), walked);
            Assert.Equal(walked.Count, walked.Distinct().Count());
        }

        // The inbox's order itself: acute first, then high, then the oldest; rank follows status and urgency.
        Assert.All(all, s => Assert.Equal(Signal.RankOf(s.Status, s.AcuteDanger, s.Urgency), s.InboxRank));
        var first = await PageAsync(officer, "limit=5", null);
        Assert.Equal("Acute", first.GetProperty("rows")[0].GetProperty("priority").GetString());

        // Closed ones too: after every open signal by urgency; last by due date (they wait for no step).
        Assert.Equal(Expected(all, "Urgency"), await WalkAsync(officer, "openOnly=false&limit=9"));
        Assert.Equal(Expected(all, "Due"), await WalkAsync(officer, "openOnly=false&sort=Due&limit=9"));
        Assert.Equal(Expected(all, "Newest"), await WalkAsync(officer, "openOnly=false&sort=Newest&limit=9"));
    }

    [Fact]
    public async Task Signals_added_between_pages_do_not_repeat_or_skip_a_row()
    {
        var (_, officer, _, _) = await app.ActorsAsync();
        await SeedAsync("KS", 30);
        foreach (var sort in new[] { "Urgency", "Oldest", "Due" })
        {
            var before = Expected((await AllAsync()).Where(s => SignalStateMachine.IsOpen(s.Status)), sort);
            var walked = new List<string>();
            var page = await PageAsync(officer, $"sort={sort}&limit=6", null);
            walked.AddRange(References(page));
            // Between the first and the second page: new signals before the cursor (acute, long ago) and after it.
            await SeedAsync("KN" + sort[0], 12);
            for (var cursor = Text(page, "next"); cursor is not null; cursor = Text(page, "next"))
            {
                page = await PageAsync(officer, $"sort={sort}&limit=6", cursor);
                walked.AddRange(References(page));
            }

            Assert.Equal(walked.Count, walked.Distinct().Count());
            // Every row that was there is there once, in its order; what was added either follows the cursor or is not seen.
            Assert.Equal(before, walked.Where(before.Contains));
            var after = Expected((await AllAsync()).Where(s => SignalStateMachine.IsOpen(s.Status)), sort);
            Assert.Equal(after.Where(walked.Contains), walked);
        }
    }

    [Fact]
    public async Task Filters_combine_with_the_cursor()
    {
        var officerUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var officer = await app.CreateApiClientAsync(officerUser);
        await SeedAsync("KF", 50, officerUser.Id);
        var all = await AllAsync();
        var open = all.Where(s => SignalStateMachine.IsOpen(s.Status)).ToList();
        var norms = Norms;
        var now = DateTimeOffset.UtcNow;
        bool Late(Stored s) => s.Status switch
        {
            SignalStatus.Received => s.ReceivedAt < WorkingDays.LateIfBefore(now, norms.NormFor(LeadStep.ToFirstAnalysis)),
            SignalStatus.InAnalysis => s.ReceivedAt < WorkingDays.LateIfBefore(now, norms.NormFor(LeadStep.ToCaseTable)),
            SignalStatus.OnAgenda or SignalStatus.Decided => s.ReceivedAt < WorkingDays.LateIfBefore(now, norms.NormFor(LeadStep.ToForwarded)),
            _ => false,
        };

        (string Query, IEnumerable<Stored> Rows, string Sort)[] cases =
        [
            ("form=Labour", open.Where(s => ((s.Forms | s.ClassifiedForms) & ExploitationForms.Labour) != 0), "Urgency"),
            ("source=Partner&sort=Oldest", open.Where(s => s.Source == SignalSource.Partner), "Oldest"),
            ("status=InAnalysis&sort=Due", all.Where(s => s.Status == SignalStatus.InAnalysis), "Due"),
            ("status=Forwarded", all.Where(s => s.Status == SignalStatus.Forwarded), "Urgency"),
            ("urgency=High&sort=Newest", open.Where(s => !s.AcuteDanger && s.Urgency == Urgency.High), "Newest"),
            ("urgency=Acute", open.Where(s => s.AcuteDanger || s.Urgency == Urgency.Acute), "Urgency"),
            ("mine=true", open.Where(s => s.AssignedOfficerId == officerUser.Id), "Urgency"),
            ("late=true&sort=Due", open.Where(Late), "Due"),
            ("olderThanDays=10&openOnly=false&sort=Oldest", all.Where(s => s.ReceivedAt <= now.AddDays(-10)), "Oldest"),
        ];
        foreach (var (query, rows, sort) in cases)
        {
            var expected = Expected(rows, sort);
            Assert.True(expected.Count > 4, $"{query}: too few rows to page ({expected.Count})");
            Assert.Equal(expected, await WalkAsync(officer, query + "&limit=4"));
        }
    }

    [Fact]
    public async Task A_bad_cursor_or_a_page_number_past_one_is_a_400_in_Dutch_and_the_page_shows_the_first_page()
    {
        var officerUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var officer = await app.CreateApiClientAsync(officerUser);
        await SeedAsync("KB", 12);
        var byUrgency = Text(await PageAsync(officer, "limit=2", null), "next")!;
        static string Encoded(params string[] parts) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(parts)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        string[] bad =
        [
            "niet-een-cursor!",
            "e30", // {}
            Encoded("signals.urgency", ">", "2", "638000000000000000", "MR-1' OR '1'='1"),
            Encoded("signals.urgency", ">", "9", "638000000000000000", "MR-2026-0001"),
            Encoded("signals.urgency", "?", "2", "638000000000000000", "MR-2026-0001"),
            Encoded("signals.due", ">", "5", "638000000000000000", "0", "MR-2026-0001"),
            Encoded("audit", ">", "12"),
        ];
        foreach (var cursor in bad)
        {
            var response = await officer.GetAsync("/api/signals?cursor=" + Uri.EscapeDataString(cursor));
            var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
            Assert.StartsWith("Deze paginaverwijzing", problem.GetProperty("errors").GetProperty("cursor")[0].GetString(), StringComparison.Ordinal);
        }

        // A cursor of one order is no cursor of another.
        await (await officer.GetAsync("/api/signals?sort=Oldest&cursor=" + Uri.EscapeDataString(byUrgency))).JsonAsync(HttpStatusCode.BadRequest);
        var paged = await (await officer.GetAsync("/api/signals?page=2")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("cursor", paged.GetProperty("errors").GetProperty("page")[0].GetString(), StringComparison.Ordinal);
        await (await officer.GetAsync("/api/signals?limit=101")).JsonAsync(HttpStatusCode.BadRequest);

        // The page shows its first page for a cursor it cannot read, never an error.
        var browser = await app.SignInAsync(officerUser);
        var html = await browser.GetStringAsync("/Handling?cursor=niet-een-cursor");
        Assert.Contains("data-testid=\"inbox\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"first-page\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_total_is_counted_only_when_asked_and_the_page_links_to_the_next_without_JavaScript()
    {
        var officerUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var officer = await app.CreateApiClientAsync(officerUser);
        await SeedAsync("KC", 40);
        var open = (await AllAsync()).Count(s => SignalStateMachine.IsOpen(s.Status));

        var plain = await PageAsync(officer, "limit=5", null);
        Assert.Equal(JsonValueKind.Null, plain.GetProperty("total").ValueKind);
        Assert.Equal(open, (await PageAsync(officer, "limit=5&count=true", null)).GetProperty("total").GetInt32());
        Assert.Equal(5, plain.GetProperty("pageSize").GetInt32());

        // The page: "meer dan" instead of a count, and plain links to the next page and back.
        var browser = await app.SignInAsync(officerUser);
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync("/Handling"));
        Assert.Contains("Meer dan 25 signalen", html, StringComparison.Ordinal);
        var link = System.Text.RegularExpressions.Regex.Match(html, "<a [^>]*data-testid=\"next-page\"[^>]*>");
        Assert.True(link.Success, "no link to the next page");
        var href = System.Text.RegularExpressions.Regex.Match(link.Value, "href=\"([^\"]+)\"").Groups[1].Value;
        Assert.StartsWith("/Handling?cursor=", href, StringComparison.Ordinal);
        var second = WebUtility.HtmlDecode(await browser.GetStringAsync(href));
        Assert.Contains("op deze pagina", second, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"previous-page\"", second, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"first-page\"", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_pages_forward_through_its_matches()
    {
        var (_, officer, _, _) = await app.ActorsAsync();
        var word = "Paginawoord" + Guid.NewGuid().ToString("N")[..6];
        await SeedAsync("KQ", 40, description: i => i % 4 == 1 ? $"Fictief signaal {i} met {word} erin." : $"Fictief signaal {i} zonder het zoekwoord.");
        var matching = (await AllAsync()).Where(s => SignalStateMachine.IsOpen(s.Status) && s.Reference.StartsWith("KQ-", StringComparison.Ordinal) && int.Parse(s.Reference[3..], System.Globalization.CultureInfo.InvariantCulture) % 4 == 1).ToList();

        var found = new List<string>();
        string? cursor = null;
        do
        {
            var page = await PageAsync(officer, $"q={word}&limit=2", cursor);
            Assert.Equal(JsonValueKind.Null, page.GetProperty("previous").ValueKind);
            Assert.False(page.GetProperty("searchLimitReached").GetBoolean());
            found.AddRange(References(page));
            cursor = Text(page, "next");
        }
        while (cursor is not null);

        Assert.Equal(Expected(matching, "Urgency"), found);
    }
}

public sealed class InboxPagingTestsOnSqlite(SqliteApp app) : InboxPagingTests(app), IClassFixture<SqliteApp>;

public sealed class InboxPagingTestsOnPostgres(PostgresApp app) : InboxPagingTests(app), IClassFixture<PostgresApp>;
