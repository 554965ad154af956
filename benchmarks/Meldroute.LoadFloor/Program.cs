using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Meldroute.LoadFloor;
using Microsoft.Data.Sqlite;
using Npgsql;

// The floor of the load benchmark (benchmarks/load): the same four requests as the app — SubmitSignal, GetSignal, the
// officer's inbox and GetFigures — as plain ADO.NET on the app's own migrated database, without validation,
// authentication or authorization. What a hand-written program costs at least for the same work; the app's results
// are read as a ratio to this. SubmitSignal writes what the app writes, with the same durability, batched as a best
// program would batch it (SubmitFloor.cs); the reads read what the app reads (no decryption, no audit event).
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var postgres = string.Equals(builder.Configuration["Database:Provider"], "Postgres", StringComparison.OrdinalIgnoreCase);
var connectionString = builder.Configuration.GetConnectionString("Meldroute") ?? throw new InvalidOperationException("ConnectionStrings:Meldroute is not set.");
if (postgres)
{
    // The same driver settings the app gives its own connections (DatabaseSetup.TunePostgres), so that the ratio
    // compares the app's work, not two driver configurations.
    connectionString = new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2, NoResetOnClose = true }.ConnectionString;
}

var app = builder.Build();
var floor = new Floor(postgres, connectionString);
await using var submissions = postgres
    ? SubmitFloor.OnPostgres(connectionString, builder.Configuration.GetValue("Floor:Writers", SubmitFloor.PostgresWriters))
    : SubmitFloor.OnSqlite(connectionString, builder.Configuration["Floor:KeyFile"]);

app.MapGet("/health/ready", () => Results.Ok());
app.MapPost("/api/signals", async (FloorSignal signal, HttpContext http) =>
    Results.Created((string?)null, await submissions.SubmitAsync(Submission.Of(signal, http), http.RequestAborted)));
app.MapGet("/api/signals", async (bool? count, CancellationToken ct) => Results.Ok(await floor.InboxAsync(count == true, ct)));
app.MapGet("/api/signals/{id:guid}", async (Guid id, CancellationToken ct) => await floor.SignalAsync(id, ct) is { } signal ? Results.Ok(signal) : Results.NotFound());
app.MapGet("/api/figures", async (CancellationToken ct) => Results.Ok(await floor.FiguresAsync(ct)));
await app.RunAsync();

/// <summary>The part of SubmitSignal's body that the floor stores, as typed.</summary>
internal sealed record FloorSignal(bool AcuteDanger, string? Description, DateOnly? ObservedOn, string? LocationType, string? LocationDetail, List<string>? Forms, List<string>? IndicatorCodes, List<FloorPerson>? People);

internal sealed record FloorPerson(string? Role, string? Name, string? Age, string? Minor, string? Nationality, string? Language, string? Contact);

/// <summary>A submission as the app prepares it while its request is current: hashes of key and body, when, and the audit event's who and where from.</summary>
internal sealed record Submission(FloorSignal Signal, string? KeyHash, string BodyHash, DateTimeOffset ReceivedAt, string? CorrelationId, string? ClientAddress)
{
    public TaskCompletionSource<object> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static Submission Of(FloorSignal signal, HttpContext http)
    {
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        return new Submission(
            signal,
            key.Length == 0 ? null : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))),
            Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(signal))),
            DateTimeOffset.UtcNow,
            Activity.Current?.TraceId.ToHexString() ?? http.TraceIdentifier,
            http.Connection.RemoteIpAddress?.ToString());
    }
}

internal sealed class Floor(bool postgres, string connectionString)
{
    // Open signals have an inbox rank below 3 (acute 0, high 1, other 2); forwarded and closed ones 3. Every query is
    // one municipality's, as the app's are (its query filter): the installation's first, the one a benchmark database has.
    private const string Open = "\"MunicipalityId\" = 1 AND \"InboxRank\" < 3";

    private static readonly string[] FiguresQueries =
    [
        """SELECT "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor", COUNT(*) FROM "Signals" WHERE "MunicipalityId" = 1 GROUP BY "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor" """,
        """SELECT "ReceivedMonth", "FirstAnalysisWorkingDays", COUNT(*) FROM "Signals" WHERE "MunicipalityId" = 1 AND "FirstAnalysisWorkingDays" IS NOT NULL GROUP BY "ReceivedMonth", "FirstAnalysisWorkingDays" """,
        """SELECT "ReceivedMonth", "CaseTableWorkingDays", COUNT(*) FROM "Signals" WHERE "MunicipalityId" = 1 AND "CaseTableWorkingDays" IS NOT NULL GROUP BY "ReceivedMonth", "CaseTableWorkingDays" """,
        """SELECT "ReceivedMonth", "ForwardedWorkingDays", COUNT(*) FROM "Signals" WHERE "MunicipalityId" = 1 AND "ForwardedWorkingDays" IS NOT NULL GROUP BY "ReceivedMonth", "ForwardedWorkingDays" """,
        """SELECT s."ReceivedMonth", s."Forms", s."ClassifiedForms", s."Source", s."DepartmentId", r."Route", COUNT(*) FROM "DecisionRoutes" r JOIN "Signals" s ON r."SignalId" = s."Id" WHERE s."MunicipalityId" = 1 AND r."MunicipalityId" = 1 GROUP BY s."ReceivedMonth", s."Forms", s."ClassifiedForms", s."Source", s."DepartmentId", r."Route" """,
    ];

    /// <summary>The inbox's first page as the app reads it: the open signals by triage rank, then oldest, from their index, one more than a page to tell whether there is a next; the count only when asked (count=true), as the app.</summary>
    public async Task<object> InboxAsync(bool count, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var page = connection.CreateCommand();
        page.CommandText = $"""
            SELECT "Id", "Reference", "Status", "ReceivedAt", "Forms" | "ClassifiedForms", "Source", "Urgency", "AcuteDanger", "LocationType"
            FROM "Signals" WHERE {Open} ORDER BY "InboxRank", "ReceivedAt", "Reference" LIMIT 26
            """;
        var rows = await ReadAllAsync(page, ct);
        int? total = null;
        if (count)
        {
            await using var counting = connection.CreateCommand();
            counting.CommandText = $"""SELECT COUNT(*) FROM "Signals" WHERE {Open}""";
            total = Convert.ToInt32(await counting.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }

        return new { rows = rows.Take(25), total, page = 1, pageSize = 25, next = rows.Count > 25 ? "more" : null };
    }

    /// <summary>GetSignal's reads: the signal's row and its people, as stored (no decryption, no audit event).</summary>
    public async Task<object?> SignalAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var signal = connection.CreateCommand();
        signal.CommandText = """
            SELECT "Id", "Reference", "Status", "ReceivedAt", "Forms", "ClassifiedForms", "Source", "Urgency", "AcuteDanger", "LocationType",
                "Description", "ObservedOn", "LocationDetail", "IndicatorCodes", "InvolvesMinor", "Version"
            FROM "Signals" WHERE "Id" = @id
            """;
        Parameter(signal, "id", postgres ? id : id.ToString().ToUpperInvariant());
        var row = (await ReadAllAsync(signal, ct)).FirstOrDefault();
        if (row is null)
        {
            return null;
        }

        await using var people = connection.CreateCommand();
        people.CommandText = """SELECT "Id", "Role", "NameOrDescription", "Age", "Minor", "Nationality", "Language", "ContactDetails" FROM "SignalPeople" WHERE "SignalId" = @id ORDER BY "SortOrder" """;
        Parameter(people, "id", postgres ? id : id.ToString().ToUpperInvariant());
        return new { signal = row, people = await ReadAllAsync(people, ct) };
    }

    public async Task<object> FiguresAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var tables = new List<List<object?[]>>();
        foreach (var sql in FiguresQueries)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            tables.Add(await ReadAllAsync(command, ct));
        }

        return tables;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        if (connection is SqliteConnection sqlite)
        {
            SubmitFloor.PrepareSqlite(sqlite);
        }

        return connection;
    }

    private static void Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task<List<object?[]>> ReadAllAsync(DbCommand command, CancellationToken ct)
    {
        var rows = new List<object?[]>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = await reader.IsDBNullAsync(i, ct) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
