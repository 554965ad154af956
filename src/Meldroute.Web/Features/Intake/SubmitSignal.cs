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

public sealed record SubmitSignalResponse(Guid Id, string Reference, SignalStatus Status);

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

    /// <summary>
    /// Stores the signal with a new reference, in one transaction with its idempotency record, its attachments, the
    /// officers' notifications and its audit event. The same Idempotency-Key from the same user returns the first
    /// signal and creates nothing.
    /// </summary>
    public static async Task<(SubmitSignalResponse Response, bool Created)> HandleAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, SubmitSignalRequest r, string userId, string? idempotencyKey,
        Notifications.SignalNotifications notifications, IReadOnlyList<SignalAttachment> attachments, CancellationToken cancellationToken)
    {
        // A repeated key is not looked up first: that would cost every submission a query for the rare retry. The
        // idempotency record's primary key refuses the repeat at the save below, which then answers with the first signal.
        var keyHash = string.IsNullOrEmpty(idempotencyKey) ? null : HashKey(idempotencyKey);
        var now = clock.GetUtcNow();
        if (db.Database.IsNpgsql())
        {
            await ReferenceNumbers.EnsureYearAsync(db, now.Year, cancellationToken);
        }

        // The signal is built and tracked before the transaction begins, so that the transaction (on SQLite: the file's
        // write lock, which every other writer waits for) holds only what needs it: the reference number and the save.
        var signal = new Signal
        {
            Reference = "",
            SubmittedById = userId,
            ReceivedAt = now,
            LastChangedAt = now,
            Source = r.Source ?? SignalSource.InternalReport,
            SourceDetail = Clean(r.SourceDetail),
            DepartmentId = r.DepartmentId,
            AcuteDanger = r.AcuteDanger,
            Description = r.Description!.Trim(),
            ObservedOn = r.ObservedOn,
            LocationType = r.LocationType!.Value,
            LocationOther = r.LocationType == LocationType.Other ? Clean(r.LocationOther) : null,
            LocationDetail = Clean(r.LocationDetail),
            Forms = r.Forms.Aggregate(ExploitationForms.None, (all, f) => all | f),
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
            Attachments = [.. attachments],
        };
        db.Signals.Add(signal);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        signal.Reference = await NextReferenceAsync(db, now.Year, cancellationToken);
        await notifications.NewSignalAsync(signal, cancellationToken);
        if (keyHash is not null)
        {
            // The record's key (user, key hash) is unique: a repeat fails here, and of two requests with the same key at
            // once (a double click) the second waits for the first's commit and then fails; either answers with the
            // first's signal.
            db.IdempotencyRecords.Add(new IdempotencyRecord { UserId = userId, KeyHash = keyHash, SignalId = signal.Id, CreatedAt = now });
        }

        try
        {
            // Recording the event saves it together with the signal: one batch to the database.
            await audit.RecordAsync(new AuditEntry("signal.submitted", AuditOutcome.Success, "signal", signal.Reference, "intake:" + signal.Source, userId), cancellationToken);
        }
        catch (DbUpdateException) when (keyHash is not null)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            if (await FindReplayAsync(db, userId, keyHash, cancellationToken) is { } raced)
            {
                return (raced, false);
            }

            throw;
        }

        await transaction.CommitAsync(cancellationToken);
        MeldrouteMetrics.SignalReceived(signal.Source, signal.Forms);
        return (new SubmitSignalResponse(signal.Id, signal.Reference, signal.Status), true);
    }

    private static async Task<SubmitSignalResponse?> FindReplayAsync(MeldrouteDbContext db, string userId, string keyHash, CancellationToken cancellationToken) =>
        await (from k in db.IdempotencyRecords
               join s in db.Signals on k.SignalId equals s.Id
               where k.UserId == userId && k.KeyHash == keyHash
               select new SubmitSignalResponse(s.Id, s.Reference, s.Status)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>MR-{year}-{number}, the number counting up per year.</summary>
    private static async Task<string> NextReferenceAsync(MeldrouteDbContext db, int year, CancellationToken cancellationToken)
    {
        var number = db.Database.IsNpgsql()
            ? await ReferenceNumbers.NextAsync(db, year, cancellationToken)
            : await NextFromCounterAsync(db, year, cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"MR-{year}-{number:0000}");
    }

    /// <summary>SQLite: the year's counter row, in the transaction that holds the file's write lock (so gapless).</summary>
    private static async Task<long> NextFromCounterAsync(MeldrouteDbContext db, int year, CancellationToken cancellationToken)
    {
        if (await ReferenceNumbers.ScalarAsync(db, """UPDATE "SignalReferenceCounters" SET "Last" = "Last" + 1 WHERE "Year" = @year RETURNING "Last" """, year, cancellationToken) is { } next)
        {
            return next;
        }

        db.SignalReferenceCounters.Add(new SignalReferenceCounter { Year = year, Last = 1 });
        await db.SaveChangesAsync(cancellationToken);
        return 1;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
