using System.Net;
using System.Net.Http.Json;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Departments;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Training;

/// <summary>Training records (numbers, no names) and the figures of plan goal 3: share trained per department and year, sessions per year.</summary>
[Trait("Category", "Integration")]
public abstract class TrainingTests(Database database)
{
    [Fact]
    public async Task The_policy_advisor_records_training_and_sees_the_share_trained_per_department_and_year()
    {
        using var app = new MeldrouteAppFactory(database);
        int kcc, leerplicht;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            var a = new Department { Name = "KCC test", HasPublicContact = true };
            var b = new Department { Name = "Leerplicht test", HasPublicContact = true };
            db.Departments.AddRange(a, b);
            await db.SaveChangesAsync();
            (kcc, leerplicht) = (a.Id, b.Id);
        }

        var advisorUser = await app.CreateAsync(Roles.PolicyAdvisor);
        var advisor = await app.CreateApiClientAsync(advisorUser);
        var overview = await (await advisor.GetAsync("/api/training")).JsonAsync(HttpStatusCode.OK);
        var kccStaff = overview.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("id").GetInt32() == kcc);
        await (await advisor.PutAsJsonAsync($"/api/training/departments/{kcc}", new { version = kccStaff.GetProperty("version").GetString(), publicContactEmployees = 40 })).JsonAsync(HttpStatusCode.OK);
        var staleStaff = await (await advisor.PutAsJsonAsync($"/api/training/departments/{kcc}", new { version = kccStaff.GetProperty("version").GetString(), publicContactEmployees = 41 })).JsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("KCC test", staleStaff.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await (await advisor.PutAsJsonAsync($"/api/training/departments/{kcc}", new { publicContactEmployees = -1 })).JsonAsync(HttpStatusCode.BadRequest);

        await (await advisor.PostAsJsonAsync("/api/training", new { date = "2025-03-12", title = "Interne meldroute", provider = "Aandachtsfunctionaris", audience = "KCC", departments = new[] { new { departmentId = kcc, participants = 10 }, new { departmentId = leerplicht, participants = 3 } } }))
            .JsonAsync(HttpStatusCode.Created);
        await (await advisor.PostAsJsonAsync("/api/training", new { date = "2025-11-04", title = "Arbeidsuitbuiting", departments = new[] { new { departmentId = kcc, participants = 8 } } })).JsonAsync(HttpStatusCode.Created);
        await (await advisor.PostAsJsonAsync("/api/training", new { date = "2024-10-08", title = "Signalen herkennen", departments = new[] { new { departmentId = kcc, participants = 5 } } })).JsonAsync(HttpStatusCode.Created);

        var bad = await (await advisor.PostAsJsonAsync("/api/training", new { date = "2999-01-01", title = "", departments = new[] { new { departmentId = 99999, participants = 2 }, new { departmentId = kcc, participants = -4 } } }))
            .JsonAsync(HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.Equal("Leg alleen scholing vast die al heeft plaatsgevonden.", errors.GetProperty("Date")[0].GetString());
        Assert.Equal("Vul dit veld in.", errors.GetProperty("Title")[0].GetString());
        Assert.Equal("Deze afdeling bestaat niet (meer).", errors.GetProperty("Departments[0].Participants")[0].GetString());
        Assert.StartsWith("Vul een aantal in van 0 tot en met", errors.GetProperty("Departments[1].Participants")[0].GetString(), StringComparison.Ordinal);
        var none = await (await advisor.PostAsJsonAsync("/api/training", new { date = "2025-01-01", title = "Leeg" })).JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(none.GetProperty("errors").TryGetProperty("Departments", out _));

        overview = await (await advisor.GetAsync("/api/training")).JsonAsync(HttpStatusCode.OK);
        var years = overview.GetProperty("years").EnumerateArray().ToDictionary(y => y.GetProperty("year").GetInt32());
        Assert.Equal(1, years[2024].GetProperty("sessions").GetInt32());
        Assert.Equal(2, years[2025].GetProperty("sessions").GetInt32());
        Assert.Equal(21, years[2025].GetProperty("participants").GetInt32());
        var shares = overview.GetProperty("shares").EnumerateArray().ToList();
        var kcc2025 = shares.Single(s => s.GetProperty("year").GetInt32() == 2025 && s.GetProperty("departmentId").GetInt32() == kcc);
        Assert.Equal(18, kcc2025.GetProperty("participants").GetInt32());
        Assert.Equal(45, kcc2025.GetProperty("sharePercent").GetInt32());
        var leerplicht2025 = shares.Single(s => s.GetProperty("year").GetInt32() == 2025 && s.GetProperty("departmentId").GetInt32() == leerplicht);
        Assert.Equal(JsonValueKindNull, leerplicht2025.GetProperty("sharePercent").ValueKind);

        // The pages: figures, the form with errors next to the field.
        var browser = await app.SignInAsync(advisorUser);
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/Training"));
        Assert.Contains("45%", page, StringComparison.Ordinal);
        Assert.Contains("onbekend (vul het aantal medewerkers in)", page, StringComparison.Ordinal);
        var form = await browser.PostFormAsync("/Training/Record", new Dictionary<string, string>
        {
            ["Input.Date"] = "2025-05-05", ["Input.Title"] = "Sessie", ["Input.Departments[0].DepartmentId"] = kcc.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Departments[0].Participants"] = "veel",
        });
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Matches("id=\"Input_Departments_0__Participants-error\"[^>]*><p class=\"utrecht-paragraph\">Vul een aantal in", WebUtility.HtmlDecode(await form.Content.ReadAsStringAsync()));

        await using var check = app.Services.CreateAsyncScope();
        var audit = check.ServiceProvider.GetRequiredService<MeldrouteDbContext>().AuditEvents;
        Assert.Equal(3, await audit.CountAsync(e => e.Action == "training.recorded"));
        Assert.Equal(1, await audit.CountAsync(e => e.Action == "department.staff.updated"));
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}

public sealed class TrainingTestsOnSqlite() : TrainingTests(Database.Sqlite);

public sealed class TrainingTestsOnPostgres() : TrainingTests(Database.Postgres);
