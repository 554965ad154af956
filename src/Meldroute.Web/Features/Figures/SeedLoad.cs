using System.Globalization;
using Meldroute.Web.Features.Municipalities;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Figures;

/// <summary>
/// `seed-load --count N`: generates N anonymous signal records — what forwarded and purged signals leave behind — with
/// realistic distributions (forms, sources, departments, locations, minors, seasonality over three years, lead times,
/// routes), to measure the figures at regional and national scale. No personal data is generated. Deterministic for
/// a given --seed. With `--kind open` it makes open signals instead — received, not yet analysed, with fictitious
/// text that is encrypted like a real report's (a data key per signal) — to fill the officers' inbox for the load
/// benchmark. Written in bulk, not through the change tracker: 1,000,000 signals in minutes, not in the better part of an hour.
/// </summary>
public static class SeedLoad
{
    public const string ReferencePrefix = "LD-";

    /// <summary>Signals generated and written per round.</summary>
    private const int Chunk = 10_000;

    /// <summary>From how many signals at once (and at least as many as are stored) the indexes are made again instead of kept up row by row.</summary>
    public const int RebuildIndexesFrom = 50_000;

    /// <summary>
    /// Writes the signals in bulk (<see cref="BulkInsert"/>: multi-row INSERTs on SQLite, binary COPY on PostgreSQL), as a
    /// save would store them: figure columns and inbox rank derived, and for open signals a data key each, their texts
    /// encrypted under it and the person's name in the subject index. All in one transaction (see <see cref="BulkInsert"/>).
    /// </summary>
    public static async Task<int> RunAsync(MeldrouteDbContext db, int count, int seed, DateTimeOffset now, Action<int>? progress = null, CancellationToken cancellationToken = default, bool open = false, int rebuildIndexesFrom = RebuildIndexesFrom)
    {
        // Written past the change tracker, so the rows get their municipality here rather than from the save (MeldrouteDbContext.StampMunicipality).
        var municipalityId = db.CurrentMunicipalityId
            ?? throw new InvalidOperationException("seed-load needs a unit of work for one municipality (MunicipalityScope).");
        var random = new Random(seed);
        var departments = await db.Departments.Select(d => d.Id).ToListAsync(cancellationToken);
        var partners = (await db.PartnerRoutes.AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(r => r.Route).ToDictionary(g => g.Key, g => g.Select(r => r.PartnerId).ToList());
        var start = await db.Signals.CountAsync(s => s.Reference.StartsWith(ReferencePrefix), cancellationToken);
        var firstYear = now.Year - 2;
        var rebuild = count >= rebuildIndexesFrom && count >= await db.Signals.CountAsync(cancellationToken);
        await using var bulk = await BulkInsert.BeginAsync(db, rebuild ? [typeof(Signal), typeof(SignalPerson), typeof(DecisionRoute)] : [], cancellationToken);
        // The figures' monthly counts of what is written, added in the same transaction as the rows (a save would do it row by row).
        var figures = new Dictionary<FigureCountKey, long>();
        for (var done = 0; done < count; done += Chunk)
        {
            var signals = new List<Signal>(Chunk);
            var routes = new List<DecisionRoute>();
            var people = new List<SignalPerson>();
            var keys = new List<DataKey>();
            var encryptWith = new Dictionary<object, DataKeyMaterial?>(ReferenceEqualityComparer.Instance);
            for (var i = done; i < Math.Min(count, done + Chunk); i++)
            {
                if (open)
                {
                    var signal = GenerateOpen(random, start + i, now, departments);
                    var (row, key) = db.Protection.Keys.CreateWithRow();
                    keys.Add(row);
                    signal.DataKeyId = key.Id;
                    encryptWith[signal.Description!] = key;
                    foreach (var person in signal.People)
                    {
                        person.SignalId = signal.Id;
                        person.SubjectHash = db.Protection.SubjectIndex.Hash(person.NameOrDescription);
                        encryptWith[person.NameOrDescription!] = key;
                        people.Add(person);
                    }

                    signals.Add(signal);
                }
                else
                {
                    var generated = Generate(random, start + i, firstYear, now, departments, partners);
                    signals.Add(generated.Signal);
                    routes.AddRange(generated.Routes);
                }
            }

            foreach (var signal in signals)
            {
                signal.RefreshFigureColumns();
            }

            foreach (var row in signals.Cast<IMunicipalityOwned>().Concat(people).Concat(routes))
            {
                row.MunicipalityId = municipalityId;
            }

            var figureOf = signals.ToDictionary(s => s.Id, SignalFigure.Of);
            foreach (var figure in figureOf.Values)
            {
                figure.AddTo(figures, 1);
            }

            foreach (var route in routes)
            {
                figureOf[route.SignalId].AddRouteTo(figures, route.Route, route.ForwardedToPartnerId, 1);
            }

            using (PersonalDataProtection.BeginWrite(encryptWith))
            {
                await bulk.WriteAsync(keys, cancellationToken);
                await bulk.WriteAsync(signals, cancellationToken);
                await bulk.WriteAsync(people, cancellationToken);
                await bulk.WriteAsync(routes, cancellationToken);
            }

            progress?.Invoke(Math.Min(count, done + Chunk));
        }

        await FigureCountChanges.ApplyAsync(db.Database.GetDbConnection(), bulk.Transaction, figures, cancellationToken);
        await bulk.CompleteAsync(cancellationToken);
        return count;
    }

    private static (Signal Signal, List<DecisionRoute> Routes) Generate(Random random, int number, int firstYear, DateTimeOffset now, List<int> departments, Dictionary<Route, List<int>> partners)
    {
        // Seasonality: more signals in spring and summer (seasonal work, tourism), fewer around the new year.
        double[] monthWeights = [0.6, 0.7, 0.9, 1.0, 1.1, 1.3, 1.4, 1.3, 1.1, 1.0, 0.8, 0.7];
        int year;
        int month;
        do
        {
            year = firstYear + random.Next(3);
            month = Pick(random, monthWeights) + 1;
        }
        while (new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc) > now.UtcDateTime);

        var received = new DateTimeOffset(year, month, 1 + random.Next(28), random.Next(8, 18), random.Next(60), 0, TimeSpan.Zero);
        var forms = Pick(random, [0.45, 0.30, 0.20, 0.05]) switch
        {
            0 => ExploitationForms.Sexual,
            1 => ExploitationForms.Labour,
            2 => ExploitationForms.Criminal,
            _ => ExploitationForms.Sexual | ExploitationForms.Labour,
        };
        var source = (SignalSource)Pick(random, [0.50, 0.10, 0.10, 0.15, 0.10, 0.05]);
        var analysed = received.AddDays(LeadDays(random, 3));
        var toTable = random.NextDouble() < 0.6;
        var agenda = toTable ? analysed.AddDays(LeadDays(random, 7)) : (DateTimeOffset?)null;
        var forwarded = agenda?.AddDays(LeadDays(random, 5));
        var signal = new Signal
        {
            Reference = ReferencePrefix + number.ToString("D9", CultureInfo.InvariantCulture),
            SubmittedById = "seed-load",
            ReceivedAt = received,
            LastChangedAt = forwarded ?? analysed,
            FirstAnalysisAt = analysed,
            OnAgendaAt = agenda,
            DecidedAt = agenda,
            ForwardedAt = forwarded,
            ClosedAt = forwarded is null ? analysed.AddDays(1) : null,
            Status = forwarded is null ? SignalStatus.ClosedWithoutAction : SignalStatus.Forwarded,
            Source = source,
            DepartmentId = source == SignalSource.InternalReport && departments.Count > 0 ? departments[random.Next(departments.Count)] : null,
            LocationType = (LocationType)random.Next(Enum.GetValues<LocationType>().Length),
            Forms = forms,
            ClassifiedForms = forms,
            InvolvesMinor = random.NextDouble() < 0.18,
            DeletionReceipt = new SignalDeletionReceipt { PurgedAt = forwarded ?? analysed.AddDays(1), Rule = forwarded is null ? "retention-closed-without-action" : SignalPurge.OnForwardingRule },
        };
        var routes = new List<DecisionRoute>();
        if (agenda is { } decided)
        {
            // A forwarded route went to one of the registry's partners for it (when the registry names any).
            int? To(Route route) => forwarded is not null && partners.GetValueOrDefault(route) is { Count: > 0 } these ? these[random.Next(these.Count)] : null;
            var first = forms == ExploitationForms.Labour ? Route.LabourInspectorate : Route.PerpetratorTrack;
            routes.Add(new DecisionRoute { SignalId = signal.Id, Route = first, DecidedAt = decided, ForwardedAt = forwarded, ForwardedToPartnerId = To(first) });
            if (random.NextDouble() < 0.5)
            {
                routes.Add(new DecisionRoute { SignalId = signal.Id, Route = Route.VictimTrack, DecidedAt = decided, ForwardedAt = forwarded, ForwardedToPartnerId = To(Route.VictimTrack) });
            }
        }

        return (signal, routes);
    }

    /// <summary>An open signal as the intake stores it, received in the last 30 days; its texts say that they are fictitious.</summary>
    private static Signal GenerateOpen(Random random, int number, DateTimeOffset now, List<int> departments)
    {
        var received = now.AddMinutes(-random.Next(30 * 24 * 60));
        var forms = (ExploitationForms)(1 << random.Next(4));
        var reference = ReferencePrefix + number.ToString("D9", CultureInfo.InvariantCulture);
        return new Signal
        {
            Reference = reference,
            SubmittedById = "seed-load",
            ReceivedAt = received,
            LastChangedAt = received,
            Source = SignalSource.InternalReport,
            DepartmentId = departments.Count > 0 ? departments[random.Next(departments.Count)] : null,
            Description = $"Fictief benchmarksignaal {reference}: geen echte waarneming en geen echte personen.",
            ObservedOn = DateOnly.FromDateTime(received.UtcDateTime.AddDays(-random.Next(7))),
            LocationType = (LocationType)random.Next(Enum.GetValues<LocationType>().Length),
            Forms = forms,
            InvolvesMinor = random.NextDouble() < 0.18,
            People = [new SignalPerson { Role = PersonRole.PossibleVictim, NameOrDescription = "Fictieve persoon " + reference, Minor = Minor.Unknown }],
        };
    }

    /// <summary>Skewed lead times: mostly a few days, sometimes weeks.</summary>
    private static double LeadDays(Random random, double typical) => Math.Round(-typical * Math.Log(1 - random.NextDouble()), 1);

    /// <summary>An index drawn with the given weights (also the demo history's).</summary>
    internal static int Pick(Random random, double[] weights)
    {
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
