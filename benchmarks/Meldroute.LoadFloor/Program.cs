using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

// The floor of the load benchmark (benchmarks/load): the same four requests as the app — SubmitSignal, GetSignal, the
// officer's inbox and GetFigures — as plain ADO.NET on the app's own migrated database, without validation,
// encryption, audit, authentication or authorization. What the database and HTTP cost at least; the app's results
// are read as a ratio to this.
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

app.MapGet("/health/ready", () => Results.Ok());
app.MapPost("/api/signals", async (FloorSignal signal, CancellationToken ct) => Results.Created((string?)null, await floor.InsertAsync(signal, ct)));
app.MapGet("/api/signals", async (bool? count, CancellationToken ct) => Results.Ok(await floor.InboxAsync(count == true, ct)));
app.MapGet("/api/signals/{id:guid}", async (Guid id, CancellationToken ct) => await floor.SignalAsync(id, ct) is { } signal ? Results.Ok(signal) : Results.NotFound());
app.MapGet("/api/figures", async (CancellationToken ct) => Results.Ok(await floor.FiguresAsync(ct)));
await app.RunAsync();

/// <summary>The part of SubmitSignal's body that the floor stores, as typed.</summary>
internal sealed record FloorSignal(bool AcuteDanger, string? Description, DateOnly? ObservedOn, string? LocationDetail, List<string>? Forms, List<string>? IndicatorCodes, List<FloorPerson>? People);

internal sealed record FloorPerson(string? Name, string? Age, string? Nationality, string? Language, string? Contact);

internal sealed class Floor(bool postgres, string connectionString)
{
    // Open signals have an inbox rank below 3 (acute 0, high 1, other 2); forwarded and closed ones 3.
    private const string Open = "\"InboxRank\" < 3";

    private static readonly string[] FiguresQueries =
    [
        """SELECT "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor", COUNT(*) FROM "Signals" GROUP BY "ReceivedMonth", "Source", "Forms", "ClassifiedForms", "DepartmentId", "LocationType", "InvolvesMinor" """,
        """SELECT "ReceivedMonth", "FirstAnalysisWorkingDays", COUNT(*) FROM "Signals" WHERE "FirstAnalysisWorkingDays" IS NOT NULL GROUP BY "ReceivedMonth", "FirstAnalysisWorkingDays" """,
        """SELECT "ReceivedMonth", "CaseTableWorkingDays", COUNT(*) FROM "Signals" WHERE "CaseTableWorkingDays" IS NOT NULL GROUP BY "ReceivedMonth", "CaseTableWorkingDays" """,
        """SELECT "ReceivedMonth", "ForwardedWorkingDays", COUNT(*) FROM "Signals" WHERE "ForwardedWorkingDays" IS NOT NULL GROUP BY "ReceivedMonth", "ForwardedWorkingDays" """,
        """SELECT s."ReceivedMonth", s."Forms", s."ClassifiedForms", s."Source", s."DepartmentId", r."Route", COUNT(*) FROM "DecisionRoutes" r JOIN "Signals" s ON r."SignalId" = s."Id" GROUP BY s."ReceivedMonth", s."Forms", s."ClassifiedForms", s."Source", s."DepartmentId", r."Route" """,
    ];

    public async Task<object> InsertAsync(FloorSignal s, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var id = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        var reference = "FL-" + id.ToString("N")[^17..]; // the app's column holds 20 characters
        var forms = (s.Forms ?? []).Sum(f => f switch { "Sexual" => 1, "Labour" => 2, "Criminal" => 4, _ => 8 });
        await ExecuteAsync(connection, transaction, """
            INSERT INTO "Signals" ("Id", "Reference", "SubmittedById", "ReceivedAt", "LastChangedAt", "ReceivedMonth", "Source", "Status", "Urgency",
                "AcuteDanger", "Description", "ObservedOn", "LocationType", "LocationDetail", "Forms", "ClassifiedForms", "IndicatorCodes",
                "ConfirmedIndicatorCodes", "InvolvesMinor", "Version", "InboxRank")
            VALUES (@id, @reference, 'floor', @now, @now, @month, 0, 0, 0, @danger, @description, @observed, 0, @detail, @forms, 0, @codes, '', FALSE, @version, @rank)
            """, ct,
            ("id", Id(id)), ("reference", reference), ("now", Time(now)), ("month", (now.Year * 100) + now.Month), ("danger", s.AcuteDanger), ("rank", s.AcuteDanger ? 0 : 2),
            ("description", s.Description), ("observed", Date(s.ObservedOn)), ("detail", s.LocationDetail), ("forms", forms),
            ("codes", string.Join(',', s.IndicatorCodes ?? [])), ("version", Id(Guid.NewGuid())));
        var order = 0;
        foreach (var p in s.People ?? [])
        {
            await ExecuteAsync(connection, transaction, """
                INSERT INTO "SignalPeople" ("Id", "SignalId", "Role", "NameOrDescription", "Age", "Minor", "Nationality", "Language", "ContactDetails", "SortOrder")
                VALUES (@id, @signal, 0, @name, @age, 0, @nationality, @language, @contact, @order)
                """, ct,
                ("id", Id(Guid.CreateVersion7())), ("signal", Id(id)), ("name", p.Name), ("age", p.Age), ("nationality", p.Nationality),
                ("language", p.Language), ("contact", p.Contact), ("order", order++));
        }

        await transaction.CommitAsync(ct);
        return new { id, reference, status = "Received" };
    }

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
            total = Convert.ToInt32(await counting.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
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
        Parameter(signal, "id", Id(id));
        var row = (await ReadAllAsync(signal, ct)).FirstOrDefault();
        if (row is null)
        {
            return null;
        }

        await using var people = connection.CreateCommand();
        people.CommandText = """SELECT "Id", "Role", "NameOrDescription", "Age", "Minor", "Nationality", "Language", "ContactDetails" FROM "SignalPeople" WHERE "SignalId" = @id ORDER BY "SortOrder" """;
        Parameter(people, "id", Id(id));
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

    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> prepared = [];

    private async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        if (connection is SqliteConnection { Handle: { } handle } && !prepared.TryGetValue(handle, out _))
        {
            // As the app's interceptor does once per physical connection: wait for the write lock instead of failing at once.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;";
            await pragma.ExecuteNonQueryAsync(ct);
            prepared.AddOrUpdate(handle, handle);
        }

        return connection;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync(ct);
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

    // The app's storage formats per provider: EF Core keeps GUIDs as upper-case text, dates as text and
    // DateTimeOffset as a sortable 64-bit number on SQLite; PostgreSQL has native types.
    private object Id(Guid id) => postgres ? id : id.ToString().ToUpperInvariant();

    private object? Date(DateOnly? date) => postgres ? date : date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private object Time(DateTimeOffset time) => postgres ? time : ((time.Ticks / 1000) << 11) | ((long)time.Offset.TotalMinutes & 0x7FF);
}
