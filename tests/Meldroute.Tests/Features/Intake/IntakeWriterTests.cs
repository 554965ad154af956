using Meldroute.Tests.TestSupport;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Intake;
using Meldroute.Web.Features.Notifications;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Intake;

/// <summary>
/// The intake's group commit (<see cref="IntakeWriter"/>): submissions stored together in one transaction are stored
/// exactly as one by one — every signal, its reference, its idempotency record and its audit event in the chain — and a
/// batch that fails stores none of its submissions, after which each is stored on its own with its own answer.
/// </summary>
[Trait("Category", "Integration")]
public abstract class IntakeWriterTests(Database database)
{
    [Fact]
    public async Task A_batch_stores_every_signal_with_its_reference_idempotency_record_and_audit_event()
    {
        using var app = new MeldrouteAppFactory(database);
        var reporter = await app.CreateAsync(Roles.Reporter);
        var year = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().Year;
        var before = await CountAsync(app);

        IReadOnlyList<SubmitSignalResponse> responses;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (db, audit, notifications) = Services(scope);
            var batch = Enumerable.Range(0, 5).Select(i => Prepare(app, audit, reporter.Id, $"Signaal {i} uit een groep die in één transactie wordt opgeslagen.", $"key-{i}")).ToList();
            responses = await SubmitSignal.StoreBatchAsync(db, audit, notifications, batch, CancellationToken.None);
        }

        Assert.Equal([.. Enumerable.Range(1, 5).Select(n => $"MR-{year}-{n:0000}")], responses.Select(r => r.Reference));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
            var stored = await db.Signals.AsNoTracking().Where(s => responses.Select(r => r.Id).Contains(s.Id)).ToListAsync();
            Assert.Equal(5, stored.Count);
            foreach (var (response, i) in responses.Select((r, i) => (r, i)))
            {
                var signal = stored.Single(s => s.Id == response.Id);
                Assert.Equal(response.Reference, signal.Reference);
                Assert.Equal($"Signaal {i} uit een groep die in één transactie wordt opgeslagen.", signal.Description);
            }

            Assert.Equal(5, await db.IdempotencyRecords.CountAsync(k => responses.Select(r => r.Id).Contains(k.SignalId)));
            var verification = await scope.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAsync();
            Assert.True(verification.IsIntact);
            var events = await db.AuditEvents.AsNoTracking().Where(e => e.Action == "signal.submitted").OrderBy(e => e.Sequence).Select(e => e.ObjectId).ToListAsync();
            Assert.Equal(responses.Select(r => r.Reference), events.TakeLast(5));
        }

        Assert.Equal(before + 5, await CountAsync(app));
    }

    [Fact]
    public async Task A_failing_batch_stores_none_of_its_submissions()
    {
        using var app = new MeldrouteAppFactory(database);
        var reporter = await app.CreateAsync(Roles.Reporter);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (db, audit, notifications) = Services(scope);
            await SubmitSignal.StoreAsync(db, audit, notifications, Prepare(app, audit, reporter.Id, "Het eerste signaal, dat later nog eens wordt verstuurd.", "eerder"), CancellationToken.None);
        }

        var before = await CountAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (db, audit, notifications) = Services(scope);
            // The middle one repeats a stored Idempotency-Key: the database refuses its idempotency record.
            var batch = new[]
            {
                Prepare(app, audit, reporter.Id, "Een nieuw signaal vóór de herhaalde inzending in de groep.", "nieuw-1"),
                Prepare(app, audit, reporter.Id, "Het eerste signaal, dat later nog eens wordt verstuurd.", "eerder"),
                Prepare(app, audit, reporter.Id, "Een nieuw signaal na de herhaalde inzending in de groep.", "nieuw-2"),
            };
            await Assert.ThrowsAsync<DbUpdateException>(() => SubmitSignal.StoreBatchAsync(db, audit, notifications, batch, CancellationToken.None));
        }

        Assert.Equal(before, await CountAsync(app));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAsync()).IsIntact);
        }
    }

    [Fact]
    public async Task Submissions_at_once_are_each_stored_once_and_a_failing_one_fails_alone()
    {
        using var app = new MeldrouteAppFactory(database);
        var reporter = await app.CreateAsync(Roles.Reporter);
        var writer = app.Services.GetRequiredService<IntakeWriter>();
        var before = await CountAsync(app);

        await using var scope = app.Services.CreateAsyncScope();
        var (_, audit, _) = Services(scope);
        var good = Enumerable.Range(0, 40).Select(i => Prepare(app, audit, reporter.Id, $"Signaal {i} van veertig die tegelijk binnenkomen.", $"tegelijk-{i}")).ToList();
        var answers = await Task.WhenAll(good.Select(s => writer.SubmitAsync(s, CancellationToken.None)));
        // Queued at once while the writer stores the first: they are stored together.
        Assert.True(writer.StoredTogether > 1);
        Assert.All(answers, a => Assert.True(a.Created));

        // Then, at once: a repeat of an earlier key, one that cannot be stored and five new ones, in whichever batches.
        var repeat = Prepare(app, audit, reporter.Id, "Signaal 7 van veertig die tegelijk binnenkomen.", "tegelijk-7");
        // Without a location type (which validation never lets through) building the signal fails: it stands for any
        // submission that cannot be stored.
        var bad = Prepare(app, audit, reporter.Id, "Een signaal dat niet kan worden opgeslagen.", "fout");
        bad.Request.LocationType = null;
        var more = Enumerable.Range(40, 5).Select(i => Prepare(app, audit, reporter.Id, $"Signaal {i}, na de veertig en tussen de fouten.", $"tegelijk-{i}")).ToList();
        var repeatTask = writer.SubmitAsync(repeat, CancellationToken.None);
        var badTask = writer.SubmitAsync(bad, CancellationToken.None);
        var moreTasks = more.Select(s => writer.SubmitAsync(s, CancellationToken.None)).ToList();
        await Assert.ThrowsAsync<InvalidOperationException>(() => badTask);
        var repeated = await repeatTask;
        answers = [.. answers, .. await Task.WhenAll(moreTasks)];

        Assert.All(answers, a => Assert.True(a.Created));
        Assert.Equal(45, answers.Select(a => a.Response.Id).Distinct().Count());
        Assert.Equal(45, answers.Select(a => a.Response.Reference).Distinct().Count());
        Assert.False(repeated.Created);
        Assert.Equal(answers[7].Response, repeated.Response);
        Assert.Equal(before + 45, await CountAsync(app));

        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var stored = await db.Signals.AsNoTracking().Where(s => s.SubmittedById == reporter.Id).Select(s => new { s.Id, s.Reference }).ToListAsync();
        Assert.Equal(answers.Select(a => (a.Response.Id, a.Response.Reference)).Order(), stored.Select(s => (s.Id, s.Reference)).Order());
        Assert.True((await audit.VerifyAsync()).IsIntact);
        Assert.Equal(45, await db.AuditEvents.CountAsync(e => e.Action == "signal.submitted" && e.ActorId == reporter.Id));
        if (database == Database.Sqlite)
        {
            // SQLite's counter is gapless, batch or not.
            var year = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().Year;
            Assert.Equal([.. Enumerable.Range(1, 45).Select(n => $"MR-{year}-{n:0000}")], stored.Select(s => s.Reference).Order());
        }
    }

    private static (MeldrouteDbContext Db, AuditTrail Audit, SignalNotifications Notifications) Services(AsyncServiceScope scope) =>
        (scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>(), scope.ServiceProvider.GetRequiredService<AuditTrail>(),
            scope.ServiceProvider.GetRequiredService<SignalNotifications>());

    private static PreparedSubmission Prepare(MeldrouteAppFactory app, AuditTrail audit, string userId, string description, string key)
    {
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var request = new SubmitSignalRequest
        {
            Description = description,
            ObservedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            LocationType = LocationType.Other,
            LocationOther = "Bedrijfspand",
            Forms = [ExploitationForms.Labour],
            People = [new PersonInput { Role = PersonRole.PossibleVictim, Name = "Fictieve persoon", Minor = Minor.No }],
        };
        return SubmitSignal.Prepare(audit, clock, request, userId, key, []);
    }

    private static async Task<int> CountAsync(MeldrouteAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().Signals.CountAsync();
    }
}

public sealed class IntakeWriterTestsOnSqlite() : IntakeWriterTests(Database.Sqlite);

public sealed class IntakeWriterTestsOnPostgres() : IntakeWriterTests(Database.Postgres);
