using System.Net.Http.Json;
using System.Text;
using Meldroute.Tests.Infrastructure;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Meldroute.Tests.Features.Signals;

/// <summary>
/// "Nadat de signalen vanuit het meldpunt zijn doorgezet worden deze direct definitief verwijderd": proven on the
/// bytes of the SQLite files and on every text column of PostgreSQL.
/// </summary>
public sealed class DeletionTests
{
    private static async Task<(MeldrouteAppFactory App, string Marker, string Name, Func<Task> Forward)> SubmittedAsync(Database database)
    {
        var app = new MeldrouteAppFactory(database);
        var marker = "MRK" + Guid.NewGuid().ToString("N")[..16];
        var name = "Zuzanna" + Guid.NewGuid().ToString("N")[..10];
        var reporter = await app.CreateApiClientAsync(await app.CreateAsync(Roles.Reporter));
        var officer = await app.CreateApiClientAsync(await app.CreateAsync(Roles.SpecialistOfficer));
        var member = await app.CreateAsync(Roles.CaseTableMember);
        var id = (await reporter.SubmitAsync(ProcedureApi.NewSignal($"Waarneming {marker} in een hotel bij Schiphol, meisje lijkt minderjarig.", victimName: name))).GetProperty("id").GetString()!;

        async Task Forward()
        {
            var (_, victimRoute, perpetratorRoute) = await app.DecideAsync(officer, id, member.Id, notes: $"Verrijking {marker}");
            await officer.PostAsync($"/api/signals/{id}/balancing", new
            {
                version = await officer.VersionAsync(id), weighedBy = "af", purpose = $"doel {marker}", necessity = "n", proportionality = "p", subsidiarity = "s", sharingJustified = true, outcome = $"uitkomst {name}",
            });
            var (care, riec) = await app.EnsurePartnersAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            await officer.PostAsync($"/api/signals/{id}/forwarding", new { version = await officer.VersionAsync(id), routeId = victimRoute, partnerId = care, channel = "SecureMail", forwardedOn = today });
            var done = await officer.PostAsync($"/api/signals/{id}/forwarding", new { version = await officer.VersionAsync(id), routeId = perpetratorRoute, partnerId = riec, channel = "RiecIs", forwardedOn = today });
            Assert.Equal("Forwarded", done.GetProperty("status").GetString());
        }

        return (app, marker, name, Forward);
    }

    [Fact]
    public async Task On_SQLite_the_marker_and_the_name_are_in_the_data_files_before_forwarding_and_in_no_file_after_a_checkpoint()
    {
        var (app, marker, name, forward) = await SubmittedAsync(Database.Sqlite);
        using (app)
        {
            await CheckpointAsync(app);
            Assert.True(FilesContaining(app.DataFolder, marker).Count > 0, "the marker should be stored before forwarding");
            Assert.True(FilesContaining(app.DataFolder, name).Count > 0, "the name should be stored before forwarding");

            await forward();
            await CheckpointAsync(app);

            Assert.Empty(FilesContaining(app.DataFolder, marker));
            Assert.Empty(FilesContaining(app.DataFolder, name));
        }
    }

    [Fact]
    public async Task On_PostgreSQL_the_marker_and_the_name_are_in_no_column_of_any_table_after_forwarding()
    {
        var (app, marker, name, forward) = await SubmittedAsync(Database.Postgres);
        using (app)
        {
            Assert.NotEmpty(await ColumnsContainingAsync(app, marker));
            Assert.NotEmpty(await ColumnsContainingAsync(app, name));

            await forward();

            Assert.Empty(await ColumnsContainingAsync(app, marker));
            Assert.Empty(await ColumnsContainingAsync(app, name));
        }
    }

    private static async Task CheckpointAsync(MeldrouteAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
    }

    private static List<string> FilesContaining(string folder, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => File.ReadAllBytes(f).AsSpan().IndexOf(needle) >= 0)
            .Select(f => Path.GetFileName(f))];
    }

    private static async Task<List<string>> ColumnsContainingAsync(MeldrouteAppFactory app, string text)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MeldrouteDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column)>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json')";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var found = new List<string>();
        foreach (var (table, column) in columns)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM \"{table}\" WHERE \"{column}\"::text LIKE '%' || @needle || '%'";
            var parameter = count.CreateParameter();
            parameter.ParameterName = "needle";
            parameter.Value = text;
            count.Parameters.Add(parameter);
            if (Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                found.Add($"{table}.{column}");
            }
        }

        Assert.True(columns.Count > 20, "the scan should cover the schema");
        return found;
    }
}
