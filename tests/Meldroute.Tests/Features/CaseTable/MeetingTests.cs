using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Account;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Privacy;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Meldroute.Tests.Features.CaseTable;

/// <summary>
/// The case table as a meeting (issue 19), through the JSON API on both databases: the chair records attendance; those
/// present contribute a note per signal, which only the attendees and the officers read; only the chair records the
/// table's decision; the minutes (PDF) hold the decisions and attendance but no contribution and no name of a person
/// involved; forwarding the signal deletes its contributions for good.
/// </summary>
[Trait("Category", "Integration")]
public abstract class MeetingTests(MeldrouteAppFactory app)
{
    /// <summary>A signal on the agenda of a new meeting chaired by the officer who planned it, with two invited members and one not invited.</summary>
    private sealed record Table(
        HttpClient Reporter, HttpClient Officer, HttpClient Present, HttpClient Absent, HttpClient Outsider,
        TestUser PresentUser, TestUser AbsentUser, string MeetingId, string SignalId, string Reference, string Unique);

    private async Task<Table> TableAsync()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var officer = await app.CreateApiClientAsync(await RenamedAsync(await app.CreateAsync(Roles.SpecialistOfficer), $"Voorzitter {unique}"));
        var present = await RenamedAsync(await app.CreateAsync(Roles.CaseTableMember), $"Aanwezig {unique}");
        var absent = await RenamedAsync(await app.CreateAsync(Roles.CaseTableMember), $"Afwezig {unique}");
        var outsider = await app.CreateApiClientAsync(await app.CreateAsync(Roles.CaseTableMember));
        var signal = await reporter.SubmitAsync(ProcedureApi.NewSignal($"Jonge vrouw {unique} werkt elke nacht in een nagelsalon en slaapt er ook.", victimName: $"Slachtoffer{unique}", exploiterName: $"Uitbuiter{unique}"));
        var id = signal.GetProperty("id").GetString()!;
        await officer.PostAsync($"/api/signals/{id}/analysis", new { version = await officer.VersionAsync(id), classifiedForms = new[] { "Labour", "Sexual" }, urgency = "High", confirmedIndicatorCodes = new[] { "L01" }, notes = "Analyse." });
        var meeting = await officer.PostAsync("/api/meetings", new { title = $"LOO titel {unique}", scheduledAt = DateTimeOffset.UtcNow.AddDays(1), attendeeIds = new[] { present.Id, absent.Id } }, HttpStatusCode.Created);
        var meetingId = meeting.GetProperty("id").GetString()!;
        await officer.PostAsync($"/api/signals/{id}/schedule", new { version = await officer.VersionAsync(id), meetingId });
        return new Table(reporter, officer, await app.CreateApiClientAsync(present), await app.CreateApiClientAsync(absent), outsider, present, absent, meetingId, id, signal.GetProperty("reference").GetString()!, unique);
    }

    private async Task<TestUser> RenamedAsync(TestUser user, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MeldrouteUser>>();
        var stored = await users.FindByIdAsync(user.Id);
        stored!.DisplayName = name;
        await users.UpdateAsync(stored);
        return user;
    }

    private static async Task<JsonElement> PutAsync(HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.PutAsJsonAsync(url, body)).JsonAsync(expected);

    private static async Task<string> MeetingVersionAsync(HttpClient client, string meetingId) =>
        (await (await client.GetAsync($"/api/meetings/{meetingId}")).JsonAsync(HttpStatusCode.OK)).GetProperty("version").GetString()!;

    private static async Task RecordAttendanceAsync(Table t) =>
        await PutAsync(t.Officer, $"/api/meetings/{t.MeetingId}/attendance", new
        {
            version = await MeetingVersionAsync(t.Officer, t.MeetingId),
            attendees = new object[] { new { userId = t.PresentUser.Id, attendance = "Present" }, new { userId = t.AbsentUser.Id, attendance = "Absent" } },
        });

    private async Task<int> AuditCountAsync(string action, string objectId, string outcome)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().AuditEvents.CountAsync(e => e.Action == action && e.ObjectId == objectId && e.Outcome == outcome);
    }

    private object Decision(string version, string meetingId, int care, string assessment) => new
    {
        version, meetingId, assessment, noYouthCareReason = ProcedureApi.NoYouthCareReason,
        routes = new object[] { new { route = "VictimTrack", partnerIds = new[] { care }, reason = "Zorgcoördinatie nodig.", handoverSummary = ProcedureApi.VictimSummary } },
    };

    [Fact]
    public async Task The_chair_records_attendance_and_only_those_present_contribute_which_only_attendees_read()
    {
        var t = await TableAsync();
        var contributions = $"/api/meetings/{t.MeetingId}/signals/{t.SignalId}/contributions";

        // Invited is not enough to contribute: the chair has not recorded anyone present yet.
        await t.Present.PostAsync(contributions, new { text = "Te vroeg." }, HttpStatusCode.NotFound);
        var meeting = await (await t.Present.GetAsync($"/api/meetings/{t.MeetingId}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal($"Voorzitter {t.Unique}", meeting.GetProperty("chair").GetProperty("name").GetString());
        Assert.All(meeting.GetProperty("attendees").EnumerateArray(), a => Assert.Equal(JsonValueKind.Null, a.GetProperty("attendance").ValueKind));
        Assert.Equal(t.Reference, meeting.GetProperty("agenda")[0].GetProperty("reference").GetString());
        await (await t.Outsider.GetAsync($"/api/meetings/{t.MeetingId}")).JsonAsync(HttpStatusCode.NotFound);

        // Only the chair records attendance, for every invitee, with the version it saw.
        var version = await MeetingVersionAsync(t.Officer, t.MeetingId);
        object Body(string v, params object[] attendees) => new { version = v, attendees };
        await PutAsync(t.Present, $"/api/meetings/{t.MeetingId}/attendance", Body(version, new { userId = t.PresentUser.Id, attendance = "Present" }, new { userId = t.AbsentUser.Id, attendance = "Absent" }), HttpStatusCode.NotFound);
        var partial = await PutAsync(t.Officer, $"/api/meetings/{t.MeetingId}/attendance", Body(version, new { userId = t.PresentUser.Id, attendance = "Present" }), HttpStatusCode.BadRequest);
        Assert.Contains("iedere genodigde", partial.GetProperty("errors").GetProperty("Attendees")[0].GetString(), StringComparison.Ordinal);
        await PutAsync(t.Officer, $"/api/meetings/{t.MeetingId}/attendance", new { attendees = Array.Empty<object>() }, HttpStatusCode.BadRequest);
        var recorded = await PutAsync(t.Officer, $"/api/meetings/{t.MeetingId}/attendance", Body(version, new { userId = t.PresentUser.Id, attendance = "Present" }, new { userId = t.AbsentUser.Id, attendance = "Absent" }));
        Assert.NotEqual(version, recorded.GetProperty("version").GetString());
        await PutAsync(t.Officer, $"/api/meetings/{t.MeetingId}/attendance", Body(version, new { userId = t.PresentUser.Id, attendance = "Present" }, new { userId = t.AbsentUser.Id, attendance = "Excused" }), HttpStatusCode.Conflict);
        Assert.Equal(1, await AuditCountAsync("meeting.attendance.recorded", t.MeetingId, "success"));
        Assert.Equal(1, await AuditCountAsync("meeting.attendance.recorded", t.MeetingId, "denied"));

        // Recorded absent: no longer sees the signal; present: does.
        await (await t.Absent.GetAsync($"/api/signals/{t.SignalId}")).JsonAsync(HttpStatusCode.NotFound);
        await (await t.Present.GetAsync($"/api/signals/{t.SignalId}")).JsonAsync(HttpStatusCode.OK);

        // One contribution per member and signal.
        var text = $"Inbreng {t.Unique}: bekend bij het wijkteam, eerder contact met de werkgever.";
        var added = await t.Present.PostAsync(contributions, new { text }, HttpStatusCode.Created);
        Assert.True(added.GetProperty("mine").GetBoolean());
        await t.Present.PostAsync(contributions, new { text = "Nog een keer." }, HttpStatusCode.Conflict);
        var empty = await t.Present.PostAsync(contributions, new { text = "  " }, HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("Text", out _));
        await t.Absent.PostAsync(contributions, new { text = "Afwezig maar toch." }, HttpStatusCode.NotFound);
        await t.Outsider.PostAsync(contributions, new { text = "Niet uitgenodigd." }, HttpStatusCode.NotFound);
        Assert.Equal(1, await AuditCountAsync("signal.contribution.added", t.Reference, "success"));

        // Read by those at the table: the chair and the member present. An officer who is not at this meeting, and a
        // member who is absent or not invited, get a 404, audited.
        foreach (var reader in new[] { t.Present, t.Officer })
        {
            var list = (await (await reader.GetAsync(contributions)).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
            Assert.Equal(text, Assert.Single(list).GetProperty("text").GetString());
            Assert.Equal($"Aanwezig {t.Unique}", list[0].GetProperty("authorName").GetString());
        }

        var otherOfficerUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var otherOfficer = await app.CreateApiClientAsync(otherOfficerUser);
        await (await otherOfficer.GetAsync($"/api/signals/{t.SignalId}")).JsonAsync(HttpStatusCode.OK);
        foreach (var stranger in new[] { t.Absent, t.Outsider, otherOfficer })
        {
            var refused = await stranger.GetAsync(contributions);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.DoesNotContain(t.Unique, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(2, await AuditCountAsync("signal.contributions.read", t.Reference, "success"));
        Assert.Equal(3, await AuditCountAsync("signal.contributions.read", t.Reference, "denied"));
        // On the meeting's page too: the other officer sees the agenda, not the contributions; the chair sees them.
        var otherOfficersPage = WebUtility.HtmlDecode(await (await app.SignInAsync(otherOfficerUser)).GetStringAsync($"/CaseTable/Meeting/{t.MeetingId}"));
        Assert.Contains(t.Reference, otherOfficersPage, StringComparison.Ordinal);
        Assert.DoesNotContain("bekend bij het wijkteam", otherOfficersPage, StringComparison.Ordinal);

        // Edited by its author only, with the version it saw.
        var url = $"/api/meetings/{t.MeetingId}/contributions/{added.GetProperty("id").GetString()}";
        var oldVersion = added.GetProperty("version").GetString();
        await PutAsync(t.Officer, url, new { version = oldVersion, text = "Overschreven door een ander." }, HttpStatusCode.NotFound);
        await PutAsync(t.Present, url, new { version = (string?)null, text = "Zonder versie." }, HttpStatusCode.PreconditionRequired);
        var saved = await PutAsync(t.Present, url, new { version = oldVersion, text = text + " Aangevuld." });
        Assert.NotEqual(oldVersion, saved.GetProperty("version").GetString());
        await PutAsync(t.Present, url, new { version = oldVersion, text = "Met een oude versie." }, HttpStatusCode.Conflict);
        var after = (await (await t.Officer.GetAsync(contributions)).JsonAsync(HttpStatusCode.OK)).EnumerateArray().Single();
        Assert.Equal(text + " Aangevuld.", after.GetProperty("text").GetString());
        Assert.False(after.GetProperty("mine").GetBoolean());

        // Stored encrypted under the signal's own data key.
        var stored = Assert.Single(await RawDatabase.StoredValuesAsync(app, "SELECT \"Text\" FROM \"MeetingContributions\" WHERE \"MeetingId\" = @id", ("id", app.Database == Database.Sqlite ? t.MeetingId.ToUpperInvariant() : Guid.Parse(t.MeetingId))));
        Assert.DoesNotContain(t.Unique, stored, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var keyId = await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().Signals.Where(s => s.Id == Guid.Parse(t.SignalId)).Select(s => s.DataKeyId).SingleAsync();
        Assert.Equal(keyId, (Guid?)EnvelopeCipher.KeyIdOf(stored));
    }

    [Fact]
    public async Task Only_the_chair_records_the_decision_and_an_officer_can_give_the_chair_to_a_member()
    {
        var t = await TableAsync();
        var (care, _) = await app.EnsurePartnersAsync();
        var otherOfficer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        await RecordAttendanceAsync(t);
        var version = await t.Officer.VersionAsync(t.SignalId);

        // Another officer, and a member present at the meeting, are not its chair.
        await otherOfficer.PostAsync($"/api/signals/{t.SignalId}/decision", Decision(version, t.MeetingId, care, "Niet de voorzitter."), HttpStatusCode.NotFound);
        await t.Present.PostAsync($"/api/signals/{t.SignalId}/decision", Decision(version, t.MeetingId, care, "Niet de voorzitter."), HttpStatusCode.NotFound);
        Assert.Equal(2, await AuditCountAsync("signal.decided", t.Reference, "denied"));
        // A decision in a meeting names the meeting.
        var noMeeting = await t.Officer.PostAsync($"/api/signals/{t.SignalId}/decision", new { version, assessment = "x", routes = Array.Empty<object>() }, HttpStatusCode.BadRequest);
        Assert.True(noMeeting.GetProperty("errors").TryGetProperty("MeetingId", out _));

        // Members cannot hand out the chair; an absent member cannot take it; the present one can.
        var meetingVersion = await MeetingVersionAsync(t.Officer, t.MeetingId);
        await PutAsync(t.Present, $"/api/meetings/{t.MeetingId}/chair", new { version = meetingVersion, chairId = t.PresentUser.Id }, HttpStatusCode.Forbidden);
        var absentChair = await PutAsync(t.Officer, $"/api/meetings/{t.MeetingId}/chair", new { version = meetingVersion, chairId = t.AbsentUser.Id }, HttpStatusCode.BadRequest);
        Assert.Contains($"Afwezig {t.Unique}", absentChair.GetProperty("errors").GetProperty("ChairId")[0].GetString(), StringComparison.Ordinal);
        await PutAsync(t.Officer, $"/api/meetings/{t.MeetingId}/chair", new { version = meetingVersion, chairId = "onbekend" }, HttpStatusCode.BadRequest);
        await PutAsync(t.Officer, $"/api/meetings/{t.MeetingId}/chair", new { version = meetingVersion, chairId = t.PresentUser.Id });
        await PutAsync(t.Officer, $"/api/meetings/{t.MeetingId}/chair", new { version = meetingVersion, chairId = t.PresentUser.Id }, HttpStatusCode.Conflict);
        var handedOver = await (await t.Present.GetAsync($"/api/meetings/{t.MeetingId}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal($"Aanwezig {t.Unique}", handedOver.GetProperty("chair").GetProperty("name").GetString());

        // Who handed the chair over stays at the table: an invitee, recorded present (attendance had been recorded),
        // who still reads the members' contributions.
        var formerChair = handedOver.GetProperty("attendees").EnumerateArray().Single(a => a.GetProperty("name").GetString() == $"Voorzitter {t.Unique}");
        Assert.Equal("Present", formerChair.GetProperty("attendance").GetString());
        await (await t.Officer.GetAsync($"/api/meetings/{t.MeetingId}/signals/{t.SignalId}/contributions")).JsonAsync(HttpStatusCode.OK);

        // The officer who planned it no longer chairs it; the member now does: sees the decision page, and decides.
        await t.Officer.PostAsync($"/api/signals/{t.SignalId}/decision", Decision(version, t.MeetingId, care, "Niet meer de voorzitter."), HttpStatusCode.NotFound);
        var memberPage = await app.SignInAsync(t.PresentUser);
        var decidePage = $"/CaseTable/Decide/{t.SignalId}?meetingId={t.MeetingId}";
        Assert.Contains($"Besluit over {t.Reference}", await memberPage.GetStringAsync(decidePage), StringComparison.Ordinal);
        Assert.Contains($"/CaseTable/Decide/{t.SignalId}?meetingId={t.MeetingId}", WebUtility.HtmlDecode(await memberPage.GetStringAsync($"/CaseTable/Meeting/{t.MeetingId}")), StringComparison.Ordinal);
        var decided = await t.Present.PostAsync($"/api/signals/{t.SignalId}/decision", Decision(version, t.MeetingId, care, "De tafel kiest voor zorg."));
        Assert.Equal("Decided", decided.GetProperty("status").GetString());
        Assert.Equal(1, await AuditCountAsync("signal.decided", t.Reference, "success"));

        // Once decided, the weighing is done: no more contributions.
        await t.Present.PostAsync($"/api/meetings/{t.MeetingId}/signals/{t.SignalId}/contributions", new { text = "Te laat." }, HttpStatusCode.Conflict);
        // Nor is there anything left to decide on the page.
        Assert.Equal(HttpStatusCode.NotFound, (await memberPage.GetAsync(decidePage)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignInAsync(t.AbsentUser)).GetAsync(decidePage)).StatusCode);
    }

    [Fact]
    public async Task The_minutes_hold_date_chair_attendance_and_decisions_and_no_contribution_or_person_involved()
    {
        var t = await TableAsync();
        var (care, _) = await app.EnsurePartnersAsync();
        await RecordAttendanceAsync(t);
        var contribution = $"Inbreng{t.Unique} over de werkgever";
        await t.Present.PostAsync($"/api/meetings/{t.MeetingId}/signals/{t.SignalId}/contributions", new { text = contribution }, HttpStatusCode.Created);
        var assessment = $"Weging{t.Unique}: zorg eerst.";
        await t.Officer.PostAsync($"/api/signals/{t.SignalId}/decision", Decision(await t.Officer.VersionAsync(t.SignalId), t.MeetingId, care, assessment));

        var response = await t.Absent.GetAsync($"/api/meetings/{t.MeetingId}/minutes");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(t.Unique, response.Content.Headers.ContentDisposition?.FileName ?? "", StringComparison.Ordinal);
        string text;
        using (var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync()))
        {
            text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            Assert.DoesNotContain(t.Unique, pdf.Information.Title ?? "", StringComparison.Ordinal);
        }

        Assert.Contains("Besluitenlijst casustafel", text, StringComparison.Ordinal);
        Assert.Contains($"Voorzitter {t.Unique}", text, StringComparison.Ordinal);
        Assert.Contains($"Aanwezig Aanwezig {t.Unique}", text, StringComparison.Ordinal);
        Assert.Contains($"Afwezig Afwezig {t.Unique}", text, StringComparison.Ordinal);
        Assert.Contains(t.Reference, text, StringComparison.Ordinal);
        Assert.Contains("Slachtofferspoor (zorgcoördinatie): HVO-Querido (zorgcoördinatie)", text, StringComparison.Ordinal);
        // Not the contribution, the weighing, the route's reasons, the people involved, nor the free-text title.
        foreach (var absentText in new[] { contribution, assessment, "Zorgcoördinatie nodig", ProcedureApi.VictimSummary, $"Slachtoffer{t.Unique}", $"Uitbuiter{t.Unique}", $"LOO titel {t.Unique}", "nagelsalon" })
        {
            Assert.DoesNotContain(absentText, text, StringComparison.Ordinal);
        }

        Assert.Equal(1, await AuditCountAsync("meeting.minutes.read", t.MeetingId, "success"));
        await (await t.Outsider.GetAsync($"/api/meetings/{t.MeetingId}/minutes")).JsonAsync(HttpStatusCode.NotFound);
        var page = await (await app.SignInAsync(t.AbsentUser)).GetAsync($"/CaseTable/Meeting/{t.MeetingId}?handler=Minutes");
        Assert.Equal("application/pdf", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Forwarding_the_signal_deletes_its_contributions_for_good()
    {
        var t = await TableAsync();
        await RecordAttendanceAsync(t);
        var text = $"Inbreng{t.Unique}: de buurvrouw kent het slachtoffer.";
        await t.Present.PostAsync($"/api/meetings/{t.MeetingId}/signals/{t.SignalId}/contributions", new { text }, HttpStatusCode.Created);
        var meetingIdParameter = ("id", (object)(app.Database == Database.Sqlite ? t.MeetingId.ToUpperInvariant() : Guid.Parse(t.MeetingId)));
        var stored = Assert.Single(await RawDatabase.StoredValuesAsync(app, "SELECT \"Text\" FROM \"MeetingContributions\" WHERE \"MeetingId\" = @id", meetingIdParameter));
        var (care, riec) = await app.EnsurePartnersAsync();
        await t.Officer.PostAsync($"/api/signals/{t.SignalId}/decision", new
        {
            version = await t.Officer.VersionAsync(t.SignalId), meetingId = t.MeetingId, assessment = "Zorg en onderzoek.", noYouthCareReason = ProcedureApi.NoYouthCareReason,
            routes = new object[]
            {
                new { route = "VictimTrack", partnerIds = new[] { care }, reason = "Zorg.", handoverSummary = ProcedureApi.VictimSummary },
                new { route = "PerpetratorTrack", partnerIds = new[] { riec }, reason = "RIEC.", handoverSummary = ProcedureApi.PerpetratorSummary },
            },
        });
        var routes = (await t.Officer.GetSignalAsync(t.SignalId)).GetProperty("routes").EnumerateArray().ToDictionary(r => r.GetProperty("route").GetString()!, r => r.GetProperty("id").GetString()!);

        await app.ForwardAsync(t.Officer, t.SignalId, routes["VictimTrack"], routes["PerpetratorTrack"]);

        Assert.Empty(await RawDatabase.StoredValuesAsync(app, "SELECT \"Text\" FROM \"MeetingContributions\" WHERE \"MeetingId\" = @id", meetingIdParameter));
        // What a backup or a log kept of it no longer decrypts: the signal's key went with it.
        Assert.Null(app.Services.GetRequiredService<PersonalDataProtection>().Unprotect(stored));
        Assert.Empty(await RawDatabase.ColumnsOrFilesContainingAsync(app, $"Inbreng{t.Unique}"));
        var receipt = (await t.Officer.GetSignalAsync(t.SignalId)).GetProperty("deletionReceipt");
        Assert.Equal(2, receipt.GetProperty("assessments").GetInt32()); // the table's weighing and the one contribution
        Assert.Empty((await (await t.Officer.GetAsync($"/api/meetings/{t.MeetingId}/signals/{t.SignalId}/contributions")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        var page = await (await app.SignInAsync(t.PresentUser)).GetStringAsync($"/CaseTable/Meeting/{t.MeetingId}");
        Assert.DoesNotContain($"Inbreng{t.Unique}", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_meeting_page_the_chair_records_attendance_and_those_present_contribute_without_JavaScript()
    {
        var t = await TableAsync();
        var officerUser = await app.CreateAsync(Roles.SpecialistOfficer);
        var chairId = (await (await t.Officer.GetAsync($"/api/meetings/{t.MeetingId}")).JsonAsync(HttpStatusCode.OK)).GetProperty("chair").GetProperty("userId").GetString()!;
        // The test signs in as a second officer given the chair through the page (the first officer's password is in its API client only).
        var officerPage = await app.SignInAsync(officerUser);
        var url = $"/CaseTable/Meeting/{t.MeetingId}";
        Assert.NotEqual(officerUser.Id, chairId);
        var chairForm = await officerPage.PostFormAsync(url, new Dictionary<string, string> { ["Chair.Version"] = await MeetingVersionAsync(t.Officer, t.MeetingId), ["Chair.ChairId"] = officerUser.Id }, url + "?handler=Chair");
        Assert.Equal(HttpStatusCode.Redirect, chairForm.StatusCode);

        var html = WebUtility.HtmlDecode(await officerPage.GetStringAsync(url));
        Assert.Contains("data-testid=\"attendance-form\"", html, StringComparison.Ordinal);
        // The first officer, who handed the chair over, is an invitee now: on the form with the two members.
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(html, "name=\"Presence.Attendees\\[\\d\\]\\.UserId\""));
        var version = await MeetingVersionAsync(t.Officer, t.MeetingId);
        // An invitee left without a choice stays "not recorded": the form posts every invitee.
        var presence = await officerPage.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Presence.Version"] = version,
            ["Presence.Attendees[0].UserId"] = t.PresentUser.Id, ["Presence.Attendees[0].Attendance"] = "Present",
            ["Presence.Attendees[1].UserId"] = t.AbsentUser.Id, ["Presence.Attendees[1].Attendance"] = "Excused",
            ["Presence.Attendees[2].UserId"] = chairId, ["Presence.Attendees[2].Attendance"] = "Present",
        }, url + "?handler=Presence");
        Assert.Equal(HttpStatusCode.Redirect, presence.StatusCode);
        var stale = await officerPage.PostFormAsync(url, new Dictionary<string, string>
        {
            ["Presence.Version"] = version,
            ["Presence.Attendees[0].UserId"] = t.PresentUser.Id, ["Presence.Attendees[0].Attendance"] = "Absent",
            ["Presence.Attendees[1].UserId"] = t.AbsentUser.Id, ["Presence.Attendees[1].Attendance"] = "Excused",
            ["Presence.Attendees[2].UserId"] = chairId, ["Presence.Attendees[2].Attendance"] = "Present",
        }, url + "?handler=Presence");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("intussen door iemand anders gewijzigd", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var member = await app.SignInAsync(t.PresentUser);
        var tooLong = await member.PostFormAsync(url, new Dictionary<string, string> { ["Contribution.SignalId"] = t.SignalId, ["Contribution.Text"] = new string('x', 2_001) }, url + "?handler=Contribution");
        var tooLongHtml = WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        Assert.Contains("aria-invalid=\"true\"", tooLongHtml, StringComparison.Ordinal);
        Assert.Contains(new string('x', 2_001), tooLongHtml, StringComparison.Ordinal);
        var text = $"Paginainbreng {t.Unique}";
        var added = await member.PostFormAsync(url, new Dictionary<string, string> { ["Contribution.SignalId"] = t.SignalId, ["Contribution.Text"] = text }, url + "?handler=Contribution");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains($"#item-{t.SignalId}", added.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var memberHtml = WebUtility.HtmlDecode(await member.GetStringAsync(url));
        Assert.Contains(text, memberHtml, StringComparison.Ordinal);
        Assert.Contains("Uw inbreng bij " + t.Reference + " wijzigen", memberHtml, StringComparison.Ordinal);
        Assert.Contains(text, WebUtility.HtmlDecode(await officerPage.GetStringAsync(url)), StringComparison.Ordinal);
        // The member who sent apologies still opens the meeting (its minutes), without the signals or the contributions.
        var excusedHtml = WebUtility.HtmlDecode(await (await app.SignInAsync(t.AbsentUser)).GetStringAsync(url));
        Assert.Contains(t.Reference, excusedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(text, excusedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("contribution-form", excusedHtml, StringComparison.Ordinal);
        Assert.Contains("afwezig of afgemeld", excusedHtml, StringComparison.Ordinal);
    }
}

[Collection(ProcedureApiOnSqlite.Name)]
public sealed class MeetingTestsOnSqlite(SqliteApp app) : MeetingTests(app);

[Collection(ProcedureApiOnPostgres.Name)]
public sealed class MeetingTestsOnPostgres(PostgresApp app) : MeetingTests(app);
