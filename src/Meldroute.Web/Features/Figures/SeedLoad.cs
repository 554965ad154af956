using System.Globalization;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Figures;

/// <summary>
/// `seed-load --count N`: generates N anonymous signal records — what forwarded and purged signals leave behind — with
/// realistic distributions (forms, sources, departments, locations, minors, seasonality over three years, lead times,
/// routes), to measure the figures at regional and national scale. No personal data is generated. Deterministic for
/// a given --seed. With `--kind open` it makes open signals instead — received, not yet analysed, with fictitious
/// text that is encrypted like a real report's — to fill the officers' inbox for the load benchmark.
/// </summary>
public static class SeedLoad
{
    public const string ReferencePrefix = "LD-";

    public static async Task<int> RunAsync(MeldrouteDbContext db, int count, int seed, DateTimeOffset now, Action<int>? progress = null, CancellationToken cancellationToken = default, bool open = false)
    {
        var random = new Random(seed);
        var departments = await db.Departments.Select(d => d.Id).ToListAsync(cancellationToken);
        var partners = (await db.PartnerRoutes.AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(r => r.Route).ToDictionary(g => g.Key, g => g.Select(r => r.PartnerId).ToList());
        var start = await db.Signals.CountAsync(s => s.Reference.StartsWith(ReferencePrefix), cancellationToken);
        var firstYear = now.Year - 2;
        const int batch = 5_000;
        for (var done = 0; done < count; done += batch)
        {
            for (var i = done; i < Math.Min(count, done + batch); i++)
            {
                if (open)
                {
                    db.Signals.Add(GenerateOpen(random, start + i, now, departments));
                    continue;
                }

                var signal = Generate(random, start + i, firstYear, now, departments, partners);
                db.Signals.Add(signal.Signal);
                db.DecisionRoutes.AddRange(signal.Routes);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            progress?.Invoke(Math.Min(count, done + batch));
        }

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
