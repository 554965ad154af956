using System.Net;
using Meldroute.Tests.TestSupport;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Infrastructure.Privacy;

/// <summary>Meeting titles stored in plain text before they were encrypted are encrypted by a start-up step, once.</summary>
[Trait("Category", "Integration")]
public abstract class MeetingTitleEncryptionTests(MeldrouteAppFactory app)
{
    private const string StoredTitles = "SELECT \"Title\" FROM \"CaseTableMeetings\" ORDER BY \"Title\"";

    private async Task<Guid> MeetingAsync(string title)
    {
        var (_, officer, member, _) = await app.ActorsAsync();
        var meeting = await officer.PostAsync("/api/meetings", new { title, scheduledAt = DateTimeOffset.UtcNow.AddDays(7), attendeeIds = new[] { member.Id } }, HttpStatusCode.Created);
        return Guid.Parse(meeting.GetProperty("id").GetString()!);
    }

    /// <summary>Writes the column past EF Core's converter, as a database from before the encryption holds it.</summary>
    private async Task StoreRawAsync(Guid id, string title)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        Assert.Equal(1, await db.Database.ExecuteSqlAsync($"UPDATE \"CaseTableMeetings\" SET \"Title\" = {title} WHERE \"Id\" = {id}"));
    }

    private async Task<int> RunAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await MeetingTitleEncryption.RunAsync(scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>());
    }

    [Fact]
    public async Task A_plain_title_is_encrypted_once_and_reads_back_the_same()
    {
        const string plain = "LOO casus familie Jansen";
        var id = await MeetingAsync("LOO voorlopig");
        await StoreRawAsync(id, plain);
        Assert.Contains(plain, await RawDatabase.StoredValuesAsync(app, StoredTitles));

        Assert.Equal(1, await RunAsync());

        var stored = await RawDatabase.StoredValuesAsync(app, StoredTitles);
        Assert.All(stored, v => Assert.DoesNotContain("Jansen", v, StringComparison.Ordinal));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(plain, (await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().CaseTableMeetings.SingleAsync(m => m.Id == id)).Title);
        }

        Assert.Equal(0, await RunAsync());
        Assert.Equal(stored, await RawDatabase.StoredValuesAsync(app, StoredTitles));
        Assert.Contains(app.Services.GetServices<StartupData>(), d => d.Name == MeetingTitleEncryption.StartupDataName);
    }

    [Fact]
    public async Task A_payload_whose_key_is_missing_is_left_as_it_is_rather_than_encrypted_again()
    {
        var id = await MeetingAsync("LOO sleutel kwijt");
        // A Data Protection payload (its magic header) under a key this ring does not have.
        const string foreign = "CfDJ8AAAAAAAAAAAAAAAAAAAAABvbmJla2VuZGUtc2xldXRlbA";
        await StoreRawAsync(id, foreign);

        try
        {
            Assert.Equal(0, await RunAsync());
            Assert.Contains(foreign, await RawDatabase.StoredValuesAsync(app, StoredTitles));
        }
        finally
        {
            // The other tests read every meeting; this one cannot be read.
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>().Database.ExecuteSqlAsync($"DELETE FROM \"CaseTableMeetings\" WHERE \"Title\" = {foreign}");
        }
    }
}

public sealed class MeetingTitleEncryptionTestsOnSqlite(SqliteApp app) : MeetingTitleEncryptionTests(app), IClassFixture<SqliteApp>;

public sealed class MeetingTitleEncryptionTestsOnPostgres(PostgresApp app) : MeetingTitleEncryptionTests(app), IClassFixture<PostgresApp>;
