using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Observability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Intake;

/// <summary>A person involved, as submitted.</summary>
public sealed class PersonInput
{
    public PersonRole? Role { get; set; }

    public string? Name { get; set; }

    public string? Age { get; set; }

    public Minor? Minor { get; set; }

    public string? Nationality { get; set; }

    public string? Language { get; set; }

    public string? Contact { get; set; }

    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Age) && string.IsNullOrWhiteSpace(Nationality)
        && string.IsNullOrWhiteSpace(Language) && string.IsNullOrWhiteSpace(Contact);
}

/// <summary>
/// The intake (SubmitSignal): the contract partner systems, the mailbox importer and the UI's form all use.
/// Enum names are English PascalCase in JSON.
/// </summary>
public sealed class SubmitSignalRequest
{
    public bool AcuteDanger { get; set; }

    public string? Description { get; set; }

    public DateOnly? ObservedOn { get; set; }

    public LocationType? LocationType { get; set; }

    public string? LocationOther { get; set; }

    public string? LocationDetail { get; set; }

    public List<ExploitationForms> Forms { get; set; } = [];

    public List<string> IndicatorCodes { get; set; } = [];

    public List<PersonInput> People { get; set; } = [];

    /// <summary>Only for officers registering on someone's behalf; a reporter's own signal is always InternalReport.</summary>
    public SignalSource? Source { get; set; }

    public string? SourceDetail { get; set; }

    public int? DepartmentId { get; set; }
}

/// <summary>The new signal: its id and reference, and its status as the reporter sees it (one of the four general ones).</summary>
public sealed record SubmitSignalResponse(Guid Id, string Reference, ReporterStatus Status);

/// <summary>
/// A valid request made ready to store; see <see cref="SubmitSignal.Prepare"/>. Each attempt builds a new signal from
/// it; attachments (only the mailbox importer has them, and it stores each message once) are added as they are.
/// </summary>
public sealed record PreparedSubmission(
    SubmitSignalRequest Request, string UserId, string? KeyHash, string? BodyHash, DateTimeOffset ReceivedAt, IReadOnlyList<SignalAttachment> Attachments, AuditEvent Audit)
{
    /// <summary>The municipality of the request that submitted it, which its audit event took while the request was current.</summary>
    public int? MunicipalityId => Audit.MunicipalityId;

    /// <summary>A new signal for one attempt at storing it; its reference comes with the transaction.</summary>
    internal Signal BuildSignal()
    {
        var r = Request;
        return new Signal
        {
            Reference = "",
            SubmittedById = UserId,
            ReceivedAt = ReceivedAt,
            LastChangedAt = ReceivedAt,
            Source = r.Source ?? SignalSource.InternalReport,
            SourceDetail = Clean(r.SourceDetail),
            DepartmentId = r.DepartmentId,
            AcuteDanger = r.AcuteDanger,
            Description = TextRules.WithoutBidiControls(r.Description!).Trim(),
            ObservedOn = r.ObservedOn,
            LocationType = r.LocationType!.Value,
            LocationOther = r.LocationType == LocationType.Other ? Clean(r.LocationOther) : null,
            LocationDetail = Clean(r.LocationDetail),
            Forms = ExploitationFormSet.Combine(r.Forms),
            IndicatorCodes = Signal.JoinCodes(r.IndicatorCodes),
            InvolvesMinor = r.People.Any(p => p.Minor == Minor.Yes),
            People = [.. r.People.Select((p, i) => new SignalPerson
            {
                Role = p.Role!.Value,
                NameOrDescription = Clean(p.Name),
                Age = Clean(p.Age),
                Minor = p.Minor ?? Minor.Unknown,
                Nationality = Clean(p.Nationality),
                Language = Clean(p.Language),
                ContactDetails = Clean(p.Contact),
                SortOrder = i,
            })],
            Attachments = [.. Attachments],
        };
    }

    private static string? Clean(string? value) => TextRules.Clean(value);
}

public static class SubmitSignal
{
    public const int DescriptionMin = 20;
    public const int DescriptionMax = 10_000;
    public const int MaxPeople = 20;
    public const int ShortTextMax = 200;
    public const int LongTextMax = 500;

    /// <summary>
    /// Server-side validation of every field, with Dutch (or English) messages keyed by the field's path
    /// ("Description", "People[2].Name"), so the form can show each message next to its field.
    /// </summary>
    public static Dictionary<string, string[]> Validate(SubmitSignalRequest r, IReadOnlySet<string> knownIndicatorCodes, bool mayChooseSource, DateOnly today, IStringLocalizer t)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        var description = r.Description?.Trim() ?? "";
        if (description.Length == 0)
        {
            Add(nameof(r.Description), t["Intake_DescriptionRequired"]);
        }
        else if (description.Length < DescriptionMin)
        {
            Add(nameof(r.Description), t["Intake_DescriptionTooShort", DescriptionMin]);
        }
        else if (description.Length > DescriptionMax)
        {
            Add(nameof(r.Description), t["Intake_DescriptionTooLong", DescriptionMax]);
        }

        CheckText(nameof(r.Description), r.Description, DescriptionMax + 1);
        if (r.ObservedOn is null)
        {
            Add(nameof(r.ObservedOn), t["Intake_ObservedOnRequired"]);
        }
        else if (r.ObservedOn > today)
        {
            Add(nameof(r.ObservedOn), t["Intake_ObservedOnFuture"]);
        }
        else if (r.ObservedOn < today.AddYears(-10))
        {
            Add(nameof(r.ObservedOn), t["Intake_ObservedOnTooOld"]);
        }

        if (r.LocationType is null || !Enum.IsDefined(r.LocationType.Value))
        {
            Add(nameof(r.LocationType), t["Intake_LocationTypeRequired"]);
        }
        else if (r.LocationType == Signals.LocationType.Other && string.IsNullOrWhiteSpace(r.LocationOther))
        {
            Add(nameof(r.LocationOther), t["Intake_LocationOtherRequired"]);
        }

        CheckText(nameof(r.LocationOther), r.LocationOther, ShortTextMax);
        CheckText(nameof(r.LocationDetail), r.LocationDetail, LongTextMax);

        if (r.Forms.Count == 0)
        {
            Add(nameof(r.Forms), t["Intake_FormsRequired"]);
        }
        else if (r.Forms.Any(f => f is not (ExploitationForms.Sexual or ExploitationForms.Labour or ExploitationForms.Criminal or ExploitationForms.Unknown)))
        {
            Add(nameof(r.Forms), t["Intake_FormsUnknown"]);
        }

        var unknownCodes = r.IndicatorCodes.Where(c => !knownIndicatorCodes.Contains(c.Trim().ToUpperInvariant())).ToList();
        if (unknownCodes.Count > 0 || r.IndicatorCodes.Count > 100)
        {
            Add(nameof(r.IndicatorCodes), t["Intake_IndicatorUnknown"]);
        }

        if (r.People.Count > MaxPeople)
        {
            Add(nameof(r.People), t["Intake_TooManyPeople", MaxPeople]);
        }

        for (var i = 0; i < Math.Min(r.People.Count, MaxPeople); i++)
        {
            var p = r.People[i];
            var prefix = $"People[{i}].";
            if (p.Role is null || !Enum.IsDefined(p.Role.Value))
            {
                Add(prefix + nameof(p.Role), t["Intake_PersonRoleRequired"]);
            }

            if (p.Minor is not null && !Enum.IsDefined(p.Minor.Value))
            {
                Add(prefix + nameof(p.Minor), t["Intake_PersonMinorUnknown"]);
            }

            if (string.IsNullOrWhiteSpace(p.Name))
            {
                Add(prefix + nameof(p.Name), t["Intake_PersonNameRequired"]);
            }

            CheckText(prefix + nameof(p.Name), p.Name, LongTextMax);
            CheckText(prefix + nameof(p.Age), p.Age, 20);
            CheckText(prefix + nameof(p.Nationality), p.Nationality, 100);
            CheckText(prefix + nameof(p.Language), p.Language, 100);
            CheckText(prefix + nameof(p.Contact), p.Contact, LongTextMax);
        }

        if (r.Source is not null && r.Source != SignalSource.InternalReport)
        {
            if (!mayChooseSource)
            {
                Add(nameof(r.Source), t["Intake_SourceNotAllowed"]);
            }
            else if (!Enum.IsDefined(r.Source.Value))
            {
                Add(nameof(r.Source), t["Intake_SourceUnknown"]);
            }
            else if (r.Source == SignalSource.Other && string.IsNullOrWhiteSpace(r.SourceDetail))
            {
                Add(nameof(r.SourceDetail), t["Intake_SourceDetailRequired"]);
            }
        }

        CheckText(nameof(r.SourceDetail), r.SourceDetail, ShortTextMax);
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

        void CheckText(string field, string? value, int max)
        {
            if (value is null)
            {
                return;
            }

            if (value.Length > max && field != nameof(r.Description))
            {
                Add(field, t["Intake_TextTooLong", max]);
            }

            // Control characters (other than line breaks and tabs) have no place in a report and can hide content.
            if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            {
                Add(field, t["Intake_ControlCharacters"]);
            }
        }
    }

    public static string HashKey(string idempotencyKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));

    /// <summary>The request's SHA-256, over its JSON (so the same report sent again, however formatted, hashes the same).</summary>
    public static string HashBody(SubmitSignalRequest r) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(r, BodyHashOptions)));

    private static readonly System.Text.Json.JsonSerializerOptions BodyHashOptions = new() { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    /// <summary>
    /// A valid request made ready to store, while its request is current: when it arrived, and its audit event with who
    /// and where from. It can be stored later and elsewhere (<see cref="IntakeWriter"/>), and again after a failed try.
    /// </summary>
    public static PreparedSubmission Prepare(AuditTrail audit, TimeProvider clock, SubmitSignalRequest r, string userId, string? idempotencyKey, IReadOnlyList<SignalAttachment> attachments)
    {
        var source = r.Source ?? SignalSource.InternalReport;
        return new PreparedSubmission(
            r,
            userId,
            // A repeated key is not looked up first: that would cost every submission a query for the rare retry. The
            // idempotency record's primary key refuses the repeat at the save, which then answers with the first signal.
            string.IsNullOrEmpty(idempotencyKey) ? null : HashKey(idempotencyKey),
            string.IsNullOrEmpty(idempotencyKey) ? null : HashBody(r),
            clock.GetUtcNow(),
            attachments,
            audit.Describe(new AuditEntry("signal.submitted", AuditOutcome.Success, "signal", null, "intake:" + source, userId)));
    }

    /// <summary>
    /// Stores one prepared submission in a transaction of its own, in one transaction with its idempotency record, its
    /// attachments, the officers' notifications and its audit event. A repeated
    /// Idempotency-Key is refused by its record's primary key at the save, and answered with the first signal.
    /// </summary>
    public static async Task<(SubmitSignalResponse Response, bool Created)> StoreAsync(
        MeldrouteDbContext db, AuditTrail audit, Notifications.SignalNotifications notifications, PreparedSubmission submission, CancellationToken cancellationToken)
    {
        try
        {
            return ((await StoreBatchAsync(db, audit, notifications, [submission], cancellationToken))[0], true);
        }
        catch (DbUpdateException) when (submission.KeyHash is not null)
        {
            // The transaction is rolled back; of two requests with the same key at once (a double click) the second
            // waited for the first's commit, so the first's signal is there to answer with.
            db.ChangeTracker.Clear();
            if (await FindReplayAsync(db, submission.UserId, submission.KeyHash, cancellationToken) is { } raced)
            {
                return raced.BodyHash is null || raced.BodyHash == submission.BodyHash ? (raced.Response, false) : throw new IdempotencyKeyReusedException();
            }

            throw;
        }
    }

    /// <summary>
    /// Stores prepared submissions in one transaction with their references, idempotency records, the officers'
    /// notifications and their audit events; several at once for the group commit (<see cref="IntakeWriter"/>): one
    /// reference counter update or sequence call, one audit-chain head, one commit and on SQLite one flush to disk for
    /// all of them. All or nothing: any failure, a repeated Idempotency-Key included, throws and stores none of them.
    /// The signals are built and tracked before the transaction begins, so that the transaction (on SQLite: the file's
    /// write lock, which every other writer waits for) holds only what needs it: the reference numbers and the save.
    /// </summary>
    public static async Task<IReadOnlyList<SubmitSignalResponse>> StoreBatchAsync(
        MeldrouteDbContext db, AuditTrail audit, Notifications.SignalNotifications notifications, IReadOnlyList<PreparedSubmission> batch, CancellationToken cancellationToken)
    {
        var years = batch.Select(b => b.ReceivedAt.Year).Distinct().Order().ToList();
        if (db.Database.IsNpgsql())
        {
            foreach (var year in years)
            {
                await ReferenceNumbers.EnsureYearAsync(db, year, cancellationToken);
            }
        }

        var signals = batch.Select(b => b.BuildSignal()).ToList();
        db.Signals.AddRange(signals);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var year in years)
        {
            var inYear = Enumerable.Range(0, batch.Count).Where(i => batch[i].ReceivedAt.Year == year).ToList();
            var numbers = await NextNumbersAsync(db, year, inYear.Count, cancellationToken);
            for (var n = 0; n < inYear.Count; n++)
            {
                signals[inYear[n]].Reference = Reference(year, numbers[n]);
            }
        }

        for (var i = 0; i < batch.Count; i++)
        {
            await notifications.NewSignalAsync(signals[i], cancellationToken);
            AddIdempotencyRecord(db, batch[i], signals[i]);
        }

        await audit.RecordAsync([.. batch.Select((b, i) => b.Audit.Unchained(signals[i].Reference))], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var signal in signals)
        {
            MeldrouteMetrics.SignalReceived(signal.Source, signal.Forms);
        }

        return [.. signals.Select(s => new SubmitSignalResponse(s.Id, s.Reference, SignalStateMachine.ForReporter(s.Status)))];
    }

    private static void AddIdempotencyRecord(MeldrouteDbContext db, PreparedSubmission submission, Signal signal)
    {
        if (submission.KeyHash is not null)
        {
            // The record's key (user, key hash) is unique: a repeat fails at the save, and of two requests with the same
            // key at once (a double click) the second waits for the first's commit and then fails; either answers with
            // the first's signal.
            db.IdempotencyRecords.Add(new IdempotencyRecord { UserId = submission.UserId, KeyHash = submission.KeyHash, BodyHash = submission.BodyHash, SignalId = signal.Id, CreatedAt = submission.ReceivedAt });
        }
    }

    private static async Task<Replay?> FindReplayAsync(MeldrouteDbContext db, string userId, string keyHash, CancellationToken cancellationToken) =>
        await (from k in db.IdempotencyRecords
               join s in db.Signals on k.SignalId equals s.Id
               where k.UserId == userId && k.KeyHash == keyHash
               select new Replay(new SubmitSignalResponse(s.Id, s.Reference, SignalStateMachine.ForReporter(s.Status)), k.BodyHash)).SingleOrDefaultAsync(cancellationToken);

    private sealed record Replay(SubmitSignalResponse Response, string? BodyHash);

    /// <summary>MR-{year}-{number}, the number counting up per year.</summary>
    private static string Reference(int year, long number) => string.Create(CultureInfo.InvariantCulture, $"MR-{year}-{number:0000}");

    /// <summary>The year's next numbers, in order: on PostgreSQL from its sequence, on SQLite from its counter row.</summary>
    private static async Task<IReadOnlyList<long>> NextNumbersAsync(MeldrouteDbContext db, int year, int count, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            return await ReferenceNumbers.NextAsync(db, year, count, cancellationToken);
        }

        var last = await NextFromCounterAsync(db, year, count, cancellationToken);
        return [.. Enumerable.Range(0, count).Select(i => last - count + 1 + i)];
    }

    /// <summary>
    /// SQLite: the year's counter row moved on by <paramref name="count"/> (made by the year's first submission), in the
    /// transaction that holds the file's write lock, so gapless; answers the last number taken. One statement, not an
    /// insert through the change tracker, which would save the transaction's signals before they have their references.
    /// </summary>
    private static async Task<long> NextFromCounterAsync(MeldrouteDbContext db, int year, int count, CancellationToken cancellationToken) =>
        await ReferenceNumbers.ScalarAsync(db, """
            INSERT INTO "SignalReferenceCounters" ("Year", "Last") VALUES (@year, @count)
            ON CONFLICT ("Year") DO UPDATE SET "Last" = "Last" + @count RETURNING "Last"
            """, year, count, cancellationToken) ?? throw new InvalidOperationException("The reference counter answered nothing.");
}

/// <summary>An Idempotency-Key that came before with another request: the second report is refused, not lost.</summary>
public sealed class IdempotencyKeyReusedException() : InvalidOperationException("The Idempotency-Key was used before with another request.");
