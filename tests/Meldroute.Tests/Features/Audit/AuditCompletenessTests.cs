using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Meldroute.Tests.Features.Shared;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Audit;

/// <summary>
/// Audit completeness (issue 4 §4, BIO 8.15): every read of personal data is logged. Not a hand-made list of
/// endpoints: the test enumerates every GET endpoint and page the app maps, opens each as every role the
/// authorization table admits, with real data behind every route parameter, and wherever a response carries personal
/// data (a marker name or text from a signal or a victim dossier) it demands a new audit event naming that item.
/// </summary>
[Trait("Category", "Integration")]
public abstract class AuditCompletenessTests(Database database)
{
    private sealed record Item(string Reference, string[] Markers);

    [Fact]
    public async Task Every_endpoint_that_returns_personal_data_writes_an_audit_event_naming_the_item()
    {
        using var app = new MeldrouteAppFactory(database);
        var users = new Dictionary<string, TestUser>();
        foreach (var role in Roles.All)
        {
            users[role] = await app.CreateAsync(role);
        }

        var reporter = await app.CreateApiClientAsync(users[Roles.Reporter]);
        var officer = await app.CreateApiClientAsync(users[Roles.SpecialistOfficer]);
        var unique = Guid.NewGuid().ToString("N")[..10];

        // A: decided, still holding its personal data, on an open meeting the case-table member attends.
        var a = await reporter.SubmitAsync(ProcedureApi.NewSignal($"Omschrijving {unique}A: meisje werkt 's nachts in een massagesalon.", victimName: $"Slachtoffer{unique}A", exploiterName: $"Verdachte{unique}A"));
        var aId = a.GetProperty("id").GetString()!;
        // An attachment as the mailbox reader stores it, so that its download is checked too.
        var attachmentId = Guid.CreateVersion7();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Meldroute.Web.Infrastructure.Data.MeldrouteDbContext>();
            db.SignalAttachments.Add(new Meldroute.Web.Features.Signals.SignalAttachment { Id = attachmentId, SignalId = Guid.Parse(aId), FileName = $"bijlage-{unique}A.txt", ContentType = "text/plain", Content = System.Text.Encoding.UTF8.GetBytes($"Verklaring {unique}A"), Size = 20 });
            await db.SaveChangesAsync();
        }

        var (meetingId, victimRoute, perpetratorRoute) = await app.DecideAsync(officer, aId, users[Roles.CaseTableMember].Id);
        await officer.BalanceAsync(aId, victimRoute, (await app.EnsurePartnersAsync()).Care);

        // B: forwarded along the victim track, so its victim is in a shielded dossier.
        var b = await reporter.SubmitAsync(ProcedureApi.NewSignal("Jongen bezorgt pakketjes voor een oudere man en krijgt niets betaald.", victimName: $"Slachtoffer{unique}B"));
        var bId = b.GetProperty("id").GetString()!;
        var (_, bVictim, bPerpetrator) = await app.DecideAsync(officer, bId, users[Roles.CaseTableMember].Id);
        await app.ForwardAsync(officer, bId, bVictim, bPerpetrator);
        var coordinator = await app.CreateApiClientAsync(users[Roles.VictimCareCoordinator]);
        var dossier = Assert.Single((await (await coordinator.GetAsync("/api/dossiers")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        var dossierId = dossier.GetProperty("id").GetString()!;
        var victimId = Assert.Single((await (await coordinator.GetAsync($"/api/dossiers/{dossierId}")).JsonAsync(HttpStatusCode.OK)).GetProperty("victims").EnumerateArray()).GetProperty("id").GetString()!;

        var items = new[]
        {
            new Item(a.GetProperty("reference").GetString()!, [$"{unique}A"]),
            new Item(dossier.GetProperty("reference").GetString()!, [$"{unique}B"]),
        };

        string Fill(string pattern) => Regex.Replace(pattern, @"\{(\w+)(:[^}]*)?\}", m => (m.Groups[1].Value, pattern) switch
        {
            ("id", var p) when p.Contains("dossier", StringComparison.OrdinalIgnoreCase) => dossierId,
            ("id", var p) when p.StartsWith("/api/meetings", StringComparison.Ordinal) || p.StartsWith("/CaseTable/Meeting", StringComparison.Ordinal) => meetingId,
            ("id", var p) when p.StartsWith("/api/users", StringComparison.Ordinal) => users[Roles.Reporter].Id,
            ("id", var p) when m.Groups[2].Value.StartsWith(":int", StringComparison.Ordinal) => "1",
            ("id", _) => aId,
            ("routeId", _) => victimRoute,
            ("signalId", _) => aId,
            ("token", _) => "onbekend",
            ("attachmentId", _) => attachmentId.ToString(),
            ("grantId", _) => Guid.Empty.ToString(),
            ("victimId", _) => victimId,
            ("reference", _) => items[0].Reference,
            ("documentName", _) => "v1",
            ("year", _) => DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => throw new InvalidOperationException($"No test value for the route parameter {m.Value} of {pattern}: add one."),
        });

        var clients = new Dictionary<(string Role, bool Api), HttpClient>();
        async Task<HttpClient> ClientAsync(string? role, bool api)
        {
            if (role is null)
            {
                return app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
            }

            if (!clients.TryGetValue((role, api), out var client))
            {
                client = api ? await app.CreateApiClientAsync(users[role]) : await app.SignInAsync(users[role]);
                clients[(role, api)] = client;
            }

            return client;
        }

        var reads = new List<string>();
        var unaudited = new List<string>();
        foreach (var (key, method, _, _) in AuthorizationMatrixTests.MappedEndpoints(app.Services).Where(e => e.Method == "GET").DistinctBy(e => e.Key))
        {
            var pattern = key[(key.IndexOf(' ', StringComparison.Ordinal) + 1)..];
            if (pattern.Contains("{**", StringComparison.Ordinal) || !AuthorizationMatrix.Table.TryGetValue(key, out var access) || access.Kind == "not-exposed")
            {
                continue;
            }

            var path = Fill(pattern) + (pattern.StartsWith("/CaseTable/Decide", StringComparison.Ordinal) ? $"?meetingId={meetingId}" : "");
            var callers = access.Kind == "public" ? new string?[] { null } : [.. access.Roles];
            foreach (var role in callers)
            {
                var client = await ClientAsync(role, pattern.StartsWith("/api", StringComparison.Ordinal));
                var before = await LastSequenceAsync(app);
                using var response = await client.GetAsync(path);
                var body = await response.Content.ReadAsStringAsync();
                foreach (var item in items.Where(i => i.Markers.Any(marker => body.Contains(marker, StringComparison.Ordinal))))
                {
                    reads.Add($"{key} as {role}");
                    if (!await AuditedSinceAsync(app, before, item.Reference))
                    {
                        unaudited.Add($"{key} as {role ?? "(anonymous)"} returned personal data of {item.Reference} without an audit event naming it");
                    }
                }
            }
        }

        Assert.True(unaudited.Count == 0, string.Join("\n", unaudited));
        // Not vacuous: the signal page and API, the dossier page and API, the hand-over sheet and the decision page all returned personal data.
        Assert.True(reads.Count >= 6, "Too few endpoints returned personal data: " + string.Join(", ", reads));
    }

    private static async Task<long> LastSequenceAsync(MeldrouteAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().AuditEvents.MaxAsync(e => (long?)e.Sequence) ?? 0;
    }

    private static async Task<bool> AuditedSinceAsync(MeldrouteAppFactory app, long sequence, string reference)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().AuditEvents
            .AnyAsync(e => e.Sequence > sequence && e.ObjectId == reference && e.Outcome == Meldroute.Web.Features.Audit.AuditOutcome.Success);
    }
}

public sealed class AuditCompletenessTestsOnSqlite() : AuditCompletenessTests(Database.Sqlite);

public sealed class AuditCompletenessTestsOnPostgres() : AuditCompletenessTests(Database.Postgres);
