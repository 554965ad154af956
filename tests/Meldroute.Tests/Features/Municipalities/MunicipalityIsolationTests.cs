using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Municipalities;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Municipalities;

/// <summary>
/// Two municipalities in one installation: for EVERY operation of the OpenAPI document, an account of municipality A
/// of every role that may call it gets nothing of municipality B. An id of B's is answered exactly as an id that
/// does not exist (404 for a read, never 403, never its data); B's rows are absent from A's lists, figures and exports
/// (A's answers are the same before and after B's data exists, and hold none of B's ids, references or names).
/// An operation whose route values the test cannot fill with B's ids fails the test, so a new endpoint is covered
/// or noticed.
/// </summary>
[Trait("Category", "Integration")]
public abstract class MunicipalityIsolationTests(Database database)
{
    private const string Marker = "ZANDVOORTMERK";

    /// <summary>What each route value names, by the path's beginning and the value's name; B has one of each.</summary>
    private static readonly (string PathStart, string Name, string Kind)[] RouteValues =
    [
        ("/api/my/signals/", "id", "signal"), ("/api/my/drafts/", "id", "draft"),
        ("/api/signals/", "id", "signal"), ("/api/signals/", "routeId", "route"), ("/api/signals/", "attachmentId", "attachment"),
        ("/api/meetings/", "id", "meeting"), ("/api/meetings/", "signalId", "signal"), ("/api/meetings/", "contributionId", "contribution"),
        ("/api/dossiers/", "id", "dossier"), ("/api/dossiers/", "victimId", "victim"), ("/api/dossiers/", "grantId", "grant"),
        ("/api/departments/", "id", "department"), ("/api/training/departments/", "id", "department"),
        ("/api/agenda/", "id", "agenda"), ("/api/framework/", "id", "block"), ("/api/privacy/register/", "id", "activity"),
        ("/api/figures/baseline/", "id", "baseline"), ("/api/retention/holds/", "id", "hold"), ("/api/users/", "id", "user"),
    ];

    /// <summary>
    /// Route values that name no municipality's row, with why: partners and the care map are the installation's (shared
    /// by the region, docs/architecture.md); a hand-over token is the recipient's credential; a year is a year.
    /// </summary>
    private static readonly (string PathStart, string Name)[] NotOwned =
        [("/api/partners/", "id"), ("/api/handover/", "token"), ("/api/figures/year-report/", "year")];

    [Fact]
    public async Task An_account_of_one_municipality_gets_nothing_of_another_from_any_operation()
    {
        using var app = new MeldrouteAppFactory(database);
        var a = app.Services.GetRequiredService<MunicipalityDirectory>().SoleId!.Value;
        var added = await MunicipalitySetup.AddAsync(app.Services, "Gemeente Zandvoort", "GM0473", "Kennemerland", CancellationToken.None);
        var b = added.Municipality!.Id;
        Assert.Null(app.Services.GetRequiredService<MunicipalityDirectory>().SoleId);

        var ofA = new Dictionary<string, HttpClient>();
        var ofB = new Dictionary<string, TestUser>();
        foreach (var role in Roles.All)
        {
            ofA[role] = await app.CreateApiClientAsync(await app.CreateAsync(role, municipalityId: a));
            ofB[role] = await app.CreateAsync(role, municipalityId: b);
        }

        // Partners are the installation's, shared by its municipalities: B's procedure below uses these two.
        await app.EnsurePartnersAsync();
        var operations = await OperationsAsync(app);
        var before = await ReadListsAsync(app, operations, ofA);

        var ids = await CreateDataOfBAsync(app, b, ofB);
        var markers = await MarkersOfAsync(app, b);

        var after = await ReadListsAsync(app, operations, ofA);
        var problems = new List<string>();
        foreach (var (key, body) in after)
        {
            if (!key.Contains("/api/audit/", StringComparison.Ordinal) && Comparable(before[key]) != Comparable(body))
            {
                problems.Add($"{key}: A's answer changed when B's data was added");
            }

            problems.AddRange(markers.Where(m => body.Contains(m, StringComparison.OrdinalIgnoreCase)).Select(m => $"{key}: A's answer holds B's '{m}'"));
        }

        var uncovered = new List<string>();
        foreach (var op in operations)
        {
            var values = RouteValueNames(op.Path);
            if (values.Count == 0)
            {
                if (op.Method != "GET")
                {
                    // A change without a route value: whatever it answers holds nothing of B.
                    foreach (var (role, client) in ClientsFor(op, ofA))
                    {
                        var (status, body) = await SendAsync(client, op.Method, op.Path);
                        problems.AddRange(markers.Where(m => body.Contains(m, StringComparison.OrdinalIgnoreCase)).Select(m => $"{op} as {role} ({status}): holds B's '{m}'"));
                    }
                }

                continue;
            }

            if (values.Any(v => NotOwned.Any(n => op.Path.StartsWith(n.PathStart, StringComparison.Ordinal) && n.Name == v)))
            {
                continue;
            }

            var kinds = values.Select(v => (string?)RouteValues.FirstOrDefault(r => op.Path.StartsWith(r.PathStart, StringComparison.Ordinal) && r.Name == v).Kind).ToList();
            if (kinds.Any(k => k is null))
            {
                uncovered.Add($"{op}: route value(s) {string.Join(", ", values)}");
                continue;
            }

            var ofBPath = Fill(op.Path, values, kinds, k => ids[k!]);
            var unknownPath = Fill(op.Path, values, kinds, k => ids[k!].All(char.IsAsciiDigit) ? "987654" : Guid.NewGuid().ToString());
            foreach (var (role, client) in ClientsFor(op, ofA))
            {
                var (statusB, bodyB) = await SendAsync(client, op.Method, ofBPath);
                var (statusUnknown, _) = await SendAsync(client, op.Method, unknownPath);
                if (statusB == HttpStatusCode.Forbidden || (int)statusB is >= 200 and < 300 || statusB != statusUnknown
                    || (op.Method is "GET" or "DELETE" && statusB != HttpStatusCode.NotFound))
                {
                    problems.Add($"{op} as {role}: B's ids answer {(int)statusB}, unknown ids {(int)statusUnknown}");
                }

                problems.AddRange(markers.Where(m => bodyB.Contains(m, StringComparison.OrdinalIgnoreCase)).Select(m => $"{op} as {role}: holds B's '{m}'"));
            }
        }

        Assert.True(uncovered.Count == 0, "Operations whose route values this test cannot fill with B's ids (add them to RouteValues or NotOwned):\n" + string.Join("\n", uncovered));
        Assert.True(problems.Count == 0, "Municipality A reached B's data:\n" + string.Join("\n", problems));

        // And B's own accounts do see their data: the ids above are real.
        using var officerOfB = await app.CreateApiClientAsync(ofB[Roles.SpecialistOfficer]);
        Assert.Equal(HttpStatusCode.OK, (await officerOfB.GetAsync($"/api/signals/{ids["signal"]}")).StatusCode);
        using var coordinatorOfB = await app.CreateApiClientAsync(ofB[Roles.VictimCareCoordinator]);
        Assert.Equal(HttpStatusCode.OK, (await coordinatorOfB.GetAsync($"/api/dossiers/{ids["dossier"]}")).StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Partners_are_shared_by_the_region_or_kept_per_municipality(bool perMunicipality)
    {
        using var app = new MeldrouteAppFactory(database, settings: new Dictionary<string, string?> { ["Meldroute:PartnersPerMunicipality"] = perMunicipality ? "true" : "false" });
        var a = app.Services.GetRequiredService<MunicipalityDirectory>().SoleId!.Value;
        var b = (await MunicipalitySetup.AddAsync(app.Services, "Gemeente Zandvoort", "GM0473", "Kennemerland", CancellationToken.None)).Municipality!.Id;
        using var adminOfA = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Administrator, municipalityId: a));
        using var adminOfB = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Administrator, municipalityId: b));

        var created = await (await adminOfA.PostAsJsonAsync("/api/partners", new { name = "Jeugdbescherming Kennemerland", kind = "External", aftercare = true, sexual = true }))
            .JsonAsync(HttpStatusCode.OK);
        var id = created.GetProperty("id").GetInt32();

        Assert.Equal(HttpStatusCode.OK, (await adminOfA.GetAsync($"/api/partners/{id}")).StatusCode);
        Assert.Equal(perMunicipality ? HttpStatusCode.NotFound : HttpStatusCode.OK, (await adminOfB.GetAsync($"/api/partners/{id}")).StatusCode);
        Assert.Equal(!perMunicipality, (await adminOfB.GetStringAsync("/api/partners")).Contains("Jeugdbescherming Kennemerland", StringComparison.Ordinal));
        if (perMunicipality)
        {
            // B keeps a partner of the same name for itself.
            await (await adminOfB.PostAsJsonAsync("/api/partners", new { name = "Jeugdbescherming Kennemerland", kind = "External", aftercare = true, sexual = true }))
                .JsonAsync(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task The_database_refuses_a_row_without_a_municipality_and_the_context_a_row_for_none()
    {
        using var app = new MeldrouteAppFactory(database);
        await MunicipalitySetup.AddAsync(app.Services, "Gemeente Zandvoort", "GM0473", "Kennemerland", CancellationToken.None);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        // Two municipalities and no account: no municipality, so the context refuses to guess.
        db.Departments.Add(new Meldroute.Web.Features.Departments.Department { Name = "Zonder gemeente" });
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("no municipality", refused.Message, StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        Assert.Empty(await db.Departments.ToListAsync());

        // Past the context: the column is required and a foreign key to an existing municipality.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            db.Database.ExecuteSqlRawAsync("INSERT INTO \"Departments\" (\"Name\", \"HasPublicContact\", \"Version\", \"MunicipalityId\") VALUES ('x', FALSE, '00000000-0000-0000-0000-000000000000', 999)"));
    }

    private sealed record Operation(string Method, string Path)
    {
        public override string ToString() => $"{Method} {Path}";
    }

    private static async Task<List<Operation>> OperationsAsync(MeldrouteAppFactory app)
    {
        using var client = app.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        return [.. document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(m => m.Value.TryGetProperty("operationId", out _)).Select(m => new Operation(m.Name.ToUpperInvariant(), p.Name)))];
    }

    private static List<string> RouteValueNames(string path) => [.. Regex.Matches(path, @"\{([A-Za-z]+)\}").Select(m => m.Groups[1].Value)];

    private static string Fill(string path, List<string> names, List<string?> kinds, Func<string?, string> value)
    {
        for (var i = 0; i < names.Count; i++)
        {
            path = path.Replace("{" + names[i] + "}", value(kinds[i]), StringComparison.Ordinal);
        }

        return path;
    }

    /// <summary>A's accounts of every role the authorization matrix lets call the operation.</summary>
    private static IEnumerable<(string Role, HttpClient Client)> ClientsFor(Operation op, Dictionary<string, HttpClient> ofA)
    {
        var row = AuthorizationMatrix.Table.FirstOrDefault(r =>
            r.Key.StartsWith(op.Method + " ", StringComparison.Ordinal) && Regex.Replace(r.Key[(op.Method.Length + 1)..], @":[a-z]+\??\}", "}") == op.Path);
        Assert.True(row.Value is not null, $"{op} has no row in AuthorizationMatrix.Table");
        return row.Value.Kind is "public" ? [("(anonymous)", ofA[Roles.Reporter])] : row.Value.Roles.Select(r => (r, ofA[r]));
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode, Readable(bytes));
    }

    /// <summary>
    /// An answer as text; an Office file (a ZIP) as the text of its parts, so that B's names are found in it too, without
    /// the part that holds when the file was made.
    /// </summary>
    private static string Readable(byte[] bytes)
    {
        if (bytes is not [(byte)'P', (byte)'K', 3, 4, ..])
        {
            return Encoding.UTF8.GetString(bytes);
        }

        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        var text = new StringBuilder();
        foreach (var entry in zip.Entries.Where(e => e.FullName != "docProps/core.xml").OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            using var reader = new StreamReader(entry.Open());
            text.Append(entry.FullName).Append('\n').Append(reader.ReadToEnd()).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// An answer without what differs on every call regardless of data: a problem's trace id, and the random
    /// relationship ids an Office file's parts are linked by.
    /// </summary>
    private static string Comparable(string answer) =>
        Regex.Replace(Regex.Replace(answer, "\"traceId\":\"[^\"]*\"", ""), "(Id|r:id)=\"R[0-9a-f]+\"", "$1=\"\"");

    /// <summary>Every read without a route value, as each of A's roles that may call it.</summary>
    private static async Task<Dictionary<string, string>> ReadListsAsync(MeldrouteAppFactory app, List<Operation> operations, Dictionary<string, HttpClient> ofA)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var op in operations.Where(o => o.Method == "GET" && RouteValueNames(o.Path).Count == 0))
        {
            foreach (var (role, client) in ClientsFor(op, ofA))
            {
                var (status, body) = await SendAsync(client, "GET", op.Path);
                answers[$"{op} as {role}"] = $"{(int)status} {body}";
            }
        }

        return answers;
    }

    /// <summary>B's data through B's own accounts: a signal taken through the procedure to a dossier, and one of every other kind.</summary>
    private static async Task<Dictionary<string, string>> CreateDataOfBAsync(MeldrouteAppFactory app, int b, Dictionary<string, TestUser> ofB)
    {
        using var reporter = await app.CreateApiClientAsync(ofB[Roles.Reporter]);
        using var officer = await app.CreateApiClientAsync(ofB[Roles.SpecialistOfficer]);
        using var coordinator = await app.CreateApiClientAsync(ofB[Roles.VictimCareCoordinator]);
        using var privacy = await app.CreateApiClientAsync(ofB[Roles.PrivacyOfficer]);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);

        var forwarded = (await reporter.SubmitAsync(ProcedureApi.NewSignal($"{Marker} gezien bij het strand", $"{Marker} Slachtoffer", $"{Marker} Uitbuiter"))).GetProperty("id").GetString()!;
        var (meetingId, victimRoute, perpetratorRoute) = await app.DecideAsync(officer, forwarded, ofB[Roles.CaseTableMember].Id);
        await app.ForwardAsync(officer, forwarded, victimRoute, perpetratorRoute);
        var open = await reporter.SubmitAsync(ProcedureApi.NewSignal($"{Marker} tweede signaal"));
        ids["signal"] = open.GetProperty("id").GetString()!;
        ids["meeting"] = meetingId;
        ids["route"] = victimRoute;
        var draft = await (await reporter.PostAsJsonAsync("/api/my/drafts", new { content = ProcedureApi.NewSignal($"{Marker} concept"), step = "Indicators" })).JsonAsync(HttpStatusCode.Created);
        ids["draft"] = draft.GetProperty("id").GetString()!;
        var dossiers = await (await coordinator.GetAsync("/api/dossiers")).JsonAsync(HttpStatusCode.OK);
        ids["dossier"] = FirstId(dossiers);
        var dossier = await (await coordinator.GetAsync($"/api/dossiers/{ids["dossier"]}")).JsonAsync(HttpStatusCode.OK);
        ids["victim"] = dossier.GetProperty("victims")[0].GetProperty("id").GetString()!;
        var hold = await privacy.PostAsync("/api/retention/holds", new { reference = open.GetProperty("reference").GetString(), reason = $"{Marker} OM" }, HttpStatusCode.Created);
        ids["hold"] = hold.GetProperty("id").GetString()!;

        // The rest straight into B's rows, as its own unit of work does.
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<MunicipalityScope>().Use(b);
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var department = new Meldroute.Web.Features.Departments.Department { Name = $"{Marker} Strandzaken", HasPublicContact = true, PublicContactEmployees = 12 };
        var agenda = new Meldroute.Web.Features.Agenda.AgendaActivity { Title = $"{Marker} strandpilot", Level = 1 };
        var baseline = new Meldroute.Web.Features.Figures.BaselineCount { Year = 2023, Form = Meldroute.Web.Features.Figures.FormCategory.Sexual, Source = Meldroute.Web.Features.Signals.SignalSource.InternalReport, Count = 9, EnteredByName = Marker };
        var attachment = new Meldroute.Web.Features.Signals.SignalAttachment { SignalId = Guid.Parse(ids["signal"]), FileName = $"{Marker}.txt", ContentType = "text/plain", Size = 1, Content = [1] };
        var grant = new Meldroute.Web.Features.VictimDossiers.DossierAccessGrant { DossierId = Guid.Parse(ids["dossier"]), UserId = ofB[Roles.SpecialistOfficer].Id, Purpose = Marker, EndsOn = new DateOnly(2099, 1, 1), GrantedById = ofB[Roles.VictimCareCoordinator].Id };
        var contribution = new Meldroute.Web.Features.Signals.MeetingContribution { MeetingId = Guid.Parse(meetingId), SignalId = Guid.Parse(ids["signal"]), AuthorId = ofB[Roles.CaseTableMember].Id, Text = $"{Marker} bijdrage" };
        db.AddRange(department, agenda, baseline, attachment, grant, contribution);
        await db.SaveChangesAsync();
        ids["department"] = department.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ids["agenda"] = agenda.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ids["baseline"] = baseline.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ids["attachment"] = attachment.Id.ToString();
        ids["grant"] = grant.Id.ToString();
        ids["contribution"] = contribution.Id.ToString();
        ids["block"] = (await db.BuildingBlocks.OrderBy(x => x.Id).FirstAsync()).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ids["activity"] = (await db.ProcessingActivities.OrderBy(x => x.Id).FirstAsync()).Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        ids["user"] = ofB[Roles.Reporter].Id;
        return ids;
    }

    private static string FirstId(JsonElement list) =>
        (list.ValueKind == JsonValueKind.Array ? list : list.EnumerateObject().First(p => p.Value.ValueKind == JsonValueKind.Array).Value)[0].GetProperty("id").GetString()!;

    /// <summary>What would show that an answer holds B's data: its rows' ids and references, its accounts, the marker in its texts.</summary>
    private static async Task<List<string>> MarkersOfAsync(MeldrouteAppFactory app, int b)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        // The test looks at B's rows from outside every municipality, on purpose.
        var markers = new List<string> { Marker };
        markers.AddRange(await db.Signals.IgnoreQueryFilters().Where(s => s.MunicipalityId == b).Select(s => s.Reference).ToListAsync());
        markers.AddRange((await db.Signals.IgnoreQueryFilters().Where(s => s.MunicipalityId == b).Select(s => s.Id).ToListAsync()).Select(id => id.ToString()));
        markers.AddRange((await db.CaseTableMeetings.IgnoreQueryFilters().Where(m => m.MunicipalityId == b).Select(m => m.Id).ToListAsync()).Select(id => id.ToString()));
        markers.AddRange(await db.VictimDossiers.IgnoreQueryFilters().Where(d => d.MunicipalityId == b).Select(d => d.Reference).ToListAsync());
        markers.AddRange((await db.VictimDossiers.IgnoreQueryFilters().Where(d => d.MunicipalityId == b).Select(d => d.Id).ToListAsync()).Select(id => id.ToString()));
        markers.AddRange(await db.Users.IgnoreQueryFilters().Where(u => u.MunicipalityId == b).Select(u => u.Email!).ToListAsync());
        markers.AddRange(await db.Users.IgnoreQueryFilters().Where(u => u.MunicipalityId == b).Select(u => u.Id).ToListAsync());
        return markers;
    }
}

public sealed class MunicipalityIsolationTestsOnSqlite() : MunicipalityIsolationTests(Database.Sqlite);

public sealed class MunicipalityIsolationTestsOnPostgres() : MunicipalityIsolationTests(Database.Postgres);
