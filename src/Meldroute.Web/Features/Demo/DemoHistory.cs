using System.Globalization;
using Meldroute.Web.Features.CaseTable;
using Meldroute.Web.Features.Intake;
using Meldroute.Web.Features.Retention;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Features.Demo;

/// <summary>
/// The demo's history: fictitious signals from January 2024 until today, so that every figure, chart and lead time has
/// something to show. Each signal is walked through the state machine (<see cref="Signal.MoveTo"/>) with dates that
/// lie in the past, and the ones that were forwarded, or closed without action longer than the retention term ago,
/// are purged by the same code as a real forwarding or retention run (<see cref="SignalPurge.Apply"/>), with their data
/// key stored destroyed: the end state a real history leaves. The last weeks hold open signals at every step. All in
/// memory first and saved in one go (a few thousand rows), deterministic for a given day. Every text says it is fictitious.
/// </summary>
public static class DemoHistory
{
    /// <summary>Who submitted, weighed and forwarded the history's signals: no account (the demo reporter's own list stays empty).</summary>
    public const string Actor = "demo-history";

    public const string FirstMonth = "2024-01";

    private static readonly double[] Seasonality = [0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.2, 1.1, 1.0, 0.9, 0.8];

    private static readonly Dictionary<int, double> PerMonth = new() { [2024] = 9, [2025] = 12 };

    /// <param name="caseTableMemberId">The demo member, invited to the meetings still to come.</param>
    /// <param name="officerId">The demo officer, who chairs every meeting (a member can be given the chair on the meeting's page).</param>
    public static async Task SeedAsync(MeldrouteDbContext db, DateTimeOffset now, string? caseTableMemberId, string? officerId, CancellationToken cancellationToken = default)
    {
        if (await db.Signals.AnyAsync(cancellationToken))
        {
            return;
        }

        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.HasPublicContact }).ToListAsync(cancellationToken);
        var routes = (await db.PartnerRoutes.AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(r => r.Route).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.IsDefault).ThenBy(r => r.PartnerId).First().PartnerId);
        var generator = new Generator(db, now, new Random(now.Year * 1000 + now.DayOfYear), [.. departments.Where(d => d.HasPublicContact).Select(d => d.Id).DefaultIfEmpty()], routes);
        generator.Meetings(caseTableMemberId, officerId);

        // History: every step done well before today (the longest path takes about six weeks).
        for (var month = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc); month < now.UtcDateTime.AddDays(-45); month = month.AddMonths(1))
        {
            var count = Math.Max(1, (int)Math.Round((PerMonth.GetValueOrDefault(month.Year, 14) * Seasonality[month.Month - 1]) + generator.Random.Next(-1, 2)));
            for (var i = 0; i < count; i++)
            {
                var received = new DateTimeOffset(month.AddDays(generator.Random.Next(DateTime.DaysInMonth(month.Year, month.Month))).AddHours(generator.Random.Next(8, 18)), TimeSpan.Zero);
                if (received < now.AddDays(-45))
                {
                    generator.Past(received);
                }
            }
        }

        // The last weeks: signals at every step, as an officer finds them on a Monday morning.
        generator.Recent();
        generator.Save();
        await db.SaveChangesAsync(cancellationToken);
    }

    private sealed class Generator(MeldrouteDbContext db, DateTimeOffset now, Random random, List<int> departments, Dictionary<Route, int> partners)
    {
        private readonly Dictionary<int, int> numbers = [];
        private readonly List<CaseTableMeeting> meetings = [];
        private readonly List<Signal> signals = [];
        private readonly Dictionary<Guid, List<DecisionRoute>> routesOf = [];
        private readonly Dictionary<Guid, List<AgendaItem>> agendaOf = [];
        private readonly Dictionary<Guid, List<BalancingOfInterests>> balancingOf = [];

        public Random Random => random;

        /// <summary>A case-table meeting every second Tuesday from January 2024, closed once held; the next one still to come.</summary>
        public void Meetings(string? caseTableMemberId, string? officerId)
        {
            var retention = new RetentionOptions();
            for (var at = new DateTimeOffset(2024, 1, 9, 13, 0, 0, TimeSpan.Zero); at < now.AddDays(15); at = at.AddDays(14))
            {
                var held = at < now;
                var meeting = new CaseTableMeeting
                {
                    Title = "Casustafel " + at.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL")) + " (fictief)",
                    ScheduledAt = at, ClosedAt = held ? at.AddHours(2) : null, CreatedById = Actor, ChairId = officerId ?? Actor,
                };
                if (held && RetentionRules.MeetingTitlePurgeDueAt(meeting.ScheduledAt, meeting.ClosedAt, retention) <= now)
                {
                    meeting.Title = ""; // what the retention run leaves of an old meeting's title
                }

                if (!held && caseTableMemberId is not null)
                {
                    meeting.Attendees.Add(new MeetingAttendee { MeetingId = meeting.Id, UserId = caseTableMemberId });
                }

                meetings.Add(meeting);
            }
        }

        /// <summary>A signal of the past: closed without action after analysis, or through the case table (or the urgent path) forwarded and perhaps closed.</summary>
        public void Past(DateTimeOffset received)
        {
            var signal = New(received);
            var analysed = Analyse(signal, received.AddDays(random.Next(0, 6)).AddHours(2));
            if (random.NextDouble() < 0.25)
            {
                CloseWithoutAction(signal, analysed.AddDays(random.Next(1, 10)));
                return;
            }

            var decided = random.NextDouble() < 0.06 ? Urgent(signal, analysed.AddHours(3)) : ThroughCaseTable(signal, analysed);
            if (routesOf[signal.Id].All(r => !r.NeedsForwarding))
            {
                CloseWithoutAction(signal, decided.AddDays(random.Next(1, 5)));
                return;
            }

            Forward(signal, decided.AddDays(random.Next(2, 16)));
            var closed = signal.ForwardedAt!.Value.AddDays(random.Next(5, 40));
            if (closed < now && random.NextDouble() < 0.75)
            {
                Check(signal.MoveTo(SignalStatus.Closed, null, closed));
            }
        }

        /// <summary>Two signals at each open step, one forwarded last week and one closed without action (its data kept for the retention term).</summary>
        public void Recent()
        {
            var day = now.AddHours(-now.Hour + 9);
            New(day.AddDays(-1));
            New(day.AddDays(-2).AddHours(3));
            Analyse(New(day.AddDays(-3)), day.AddDays(-2));
            Analyse(New(day.AddDays(-5)), day.AddDays(-4));
            var next = meetings.First(m => m.ClosedAt is null);
            foreach (var received in new[] { day.AddDays(-8), day.AddDays(-9) })
            {
                var signal = New(received);
                var analysed = Analyse(signal, received.AddDays(1));
                Schedule(signal, next, analysed.AddHours(4));
            }

            var last = meetings.Last(m => m.ClosedAt is not null);
            foreach (var received in new[] { last.ScheduledAt.AddDays(-12), last.ScheduledAt.AddDays(-10) })
            {
                var signal = New(received);
                Schedule(signal, last, Analyse(signal, received.AddDays(2)).AddDays(1));
                Decide(signal, last, last.ScheduledAt.AddHours(1), victimTrack: true);
            }

            var forwarded = New(last.ScheduledAt.AddDays(-15));
            var decided = ThroughCaseTable(forwarded, Analyse(forwarded, forwarded.ReceivedAt.AddDays(1)));
            Forward(forwarded, Max(decided.AddMinutes(1), Min(decided.AddDays(2), now.AddMinutes(-1))));
            var closed = New(day.AddDays(-20));
            CloseWithoutAction(closed, Analyse(closed, day.AddDays(-19)).AddDays(2));
        }

        /// <summary>Everything in one go: the context orders the inserts by their foreign keys.</summary>
        public void Save()
        {
            db.CaseTableMeetings.AddRange(meetings);
            db.Signals.AddRange(signals);
            db.DecisionRoutes.AddRange(routesOf.Values.SelectMany(r => r));
            db.BalancingOfInterests.AddRange(balancingOf.Values.SelectMany(b => b));
            db.SignalReferenceCounters.AddRange(numbers.Select(n => new SignalReferenceCounter { Year = n.Key, Last = n.Value }));
        }

        private Signal New(DateTimeOffset received)
        {
            var year = received.UtcDateTime.Year;
            numbers[year] = numbers.GetValueOrDefault(year) + 1;
            var reference = string.Create(CultureInfo.InvariantCulture, $"MR-{year}-{numbers[year]:0000}");
            var forms = Pick([0.40, 0.33, 0.15, 0.06, 0.06]) switch
            {
                0 => ExploitationForms.Sexual,
                1 => ExploitationForms.Labour,
                2 => ExploitationForms.Criminal,
                3 => ExploitationForms.Sexual | ExploitationForms.Labour,
                _ => ExploitationForms.Unknown,
            };
            var source = (SignalSource)Pick([0.55, 0.12, 0.08, 0.12, 0.08, 0.05]);
            var minor = random.NextDouble() < 0.15;
            var signal = new Signal
            {
                Reference = reference,
                SubmittedById = Actor,
                ReceivedAt = received,
                LastChangedAt = received,
                Source = source,
                DepartmentId = source == SignalSource.InternalReport && departments.Count > 0 ? departments[random.Next(departments.Count)] : null,
                SourceDetail = source is SignalSource.Partner or SignalSource.Other ? "Fictieve bron (demo)" : null,
                LocationType = Location(forms),
                Forms = forms,
                IndicatorCodes = Signal.JoinCodes(Indicators(forms)),
                InvolvesMinor = minor,
                Description = $"Fictief demosignaal {reference}: geen echte waarneming en geen echte personen.",
                ObservedOn = DateOnly.FromDateTime(received.UtcDateTime.AddDays(-random.Next(1, 10))),
                LocationDetail = "Fictief adres, Hoofddorp",
                People =
                [
                    new SignalPerson { Role = PersonRole.PossibleVictim, NameOrDescription = "Fictieve persoon " + reference, Age = minor ? "16" : "20-30", Minor = minor ? Minor.Yes : Minor.No, SortOrder = 0 },
                    new SignalPerson { Role = PersonRole.PossibleExploiter, NameOrDescription = "Fictieve werkgever " + reference, Minor = Minor.No, SortOrder = 1 },
                ],
            };
            signals.Add(signal);
            routesOf[signal.Id] = [];
            agendaOf[signal.Id] = [];
            balancingOf[signal.Id] = [];
            return signal;
        }

        /// <summary>RecordAnalysis: in analysis, with the officer's classification (an unknown form becomes a known one).</summary>
        private DateTimeOffset Analyse(Signal signal, DateTimeOffset at)
        {
            Check(signal.MoveTo(SignalStatus.InAnalysis, null, at));
            signal.ClassifiedForms = signal.Forms == ExploitationForms.Unknown ? (ExploitationForms)(1 << random.Next(3)) : signal.Forms;
            signal.ConfirmedIndicatorCodes = signal.IndicatorCodes.Split(',')[0];
            signal.Urgency = random.NextDouble() < 0.2 ? Urgency.High : Urgency.Normal;
            signal.AnalysisNotes = "Fictieve analyse (demo).";
            return at;
        }

        private void CloseWithoutAction(Signal signal, DateTimeOffset at)
        {
            Check(signal.MoveTo(SignalStatus.ClosedWithoutAction, "Fictief: geen aanwijzingen voor uitbuiting (demo).", at));
            signal.ClosureCode = "without-action";
            var due = RetentionRules.PurgeDueAt(signal.Status, signal.ClosedAt, purged: false, new RetentionOptions());
            if (due <= now)
            {
                Purge(signal, RetentionRules.ClosedWithoutActionRule, due.Value);
            }
        }

        /// <summary>ScheduleSignal: on the agenda of a meeting, with the table's assessment.</summary>
        private DateTimeOffset Schedule(Signal signal, CaseTableMeeting meeting, DateTimeOffset at)
        {
            Check(signal.MoveTo(SignalStatus.OnAgenda, null, at));
            var item = new AgendaItem { MeetingId = meeting.Id, SignalId = signal.Id, SortOrder = meeting.Agenda.Count, Assessment = "Fictieve weging door de casustafel (demo)." };
            meeting.Agenda.Add(item);
            agendaOf[signal.Id].Add(item);
            return at;
        }

        private DateTimeOffset ThroughCaseTable(Signal signal, DateTimeOffset analysed)
        {
            var meeting = meetings.First(m => m.ScheduledAt > analysed.AddDays(1));
            Schedule(signal, meeting, analysed.AddDays(1));
            Decide(signal, meeting, meeting.ScheduledAt.AddHours(1), victimTrack: false);
            return signal.DecidedAt!.Value;
        }

        /// <summary>RecordDecision on the urgent path: one officer decides at once, with a reason.</summary>
        private DateTimeOffset Urgent(Signal signal, DateTimeOffset at)
        {
            Check(signal.MoveTo(SignalStatus.Decided, "Fictief: acuut gevaar, de casustafel kan niet wachten (demo).", at));
            Routes(signal, null, at, victimTrack: false);
            return at;
        }

        /// <summary>RecordDecision at a meeting: the routes the form calls for, each with its partner from the registry.</summary>
        private void Decide(Signal signal, CaseTableMeeting meeting, DateTimeOffset at, bool victimTrack)
        {
            Check(signal.MoveTo(SignalStatus.Decided, null, at));
            Routes(signal, meeting.Id, at, victimTrack);
        }

        private void Routes(Signal signal, Guid? meetingId, DateTimeOffset at, bool victimTrack)
        {
            var chosen = new List<Route>();
            if (random.NextDouble() < 0.05)
            {
                chosen.Add(Route.NoFurtherAction);
            }
            else
            {
                var forms = signal.ClassifiedForms;
                chosen.Add(forms.HasFlag(ExploitationForms.Labour) ? Route.LabourInspectorate : forms == ExploitationForms.Criminal || random.NextDouble() < 0.5 ? Route.Police : Route.PerpetratorTrack);
                if (forms == (ExploitationForms.Sexual | ExploitationForms.Labour))
                {
                    chosen.Add(Route.PerpetratorTrack);
                }

                if (signal.InvolvesMinor)
                {
                    chosen.Add(Route.YouthCare);
                }
                else if (random.NextDouble() < 0.2)
                {
                    chosen.Add(Route.AdministrativeMeasure);
                }

                // A forwarded victim track opens a shielded victim dossier; the history stops short of that and shows it only on open decisions.
                if (victimTrack)
                {
                    chosen.Add(Route.VictimTrack);
                }
            }

            var routes = chosen.Where(r => r == Route.NoFurtherAction || partners.ContainsKey(r)).Distinct().Select(route => new DecisionRoute
            {
                SignalId = signal.Id, MeetingId = meetingId, Route = route, DecidedAt = at,
                PartnerIds = partners.TryGetValue(route, out var partner) ? partner.ToString(CultureInfo.InvariantCulture) : "",
                DataCategories = HandoverRules.Defaults(route),
                Reason = "Fictieve motivering van de route (demo).",
            }).ToList();
            if (routes.Count == 0)
            {
                routes.Add(new DecisionRoute { SignalId = signal.Id, MeetingId = meetingId, Route = Route.NoFurtherAction, DecidedAt = at, Reason = "Fictief (demo)." });
            }

            routesOf[signal.Id].AddRange(routes);
        }

        /// <summary>RecordBalancingOfInterests and ConfirmForwarding for every route; the last makes the signal Forwarded and purges it.</summary>
        private void Forward(Signal signal, DateTimeOffset at)
        {
            var balancing = balancingOf[signal.Id];
            foreach (var route in routesOf[signal.Id].Where(r => r.NeedsForwarding))
            {
                var recipient = route.PartnerIdList[0];
                var record = new BalancingOfInterests
                {
                    SignalId = signal.Id, RouteId = route.Id, RecipientPartnerId = recipient, Categories = route.DataCategories, RecordedAt = at.AddHours(-3), RecordedById = Actor,
                    WeighedBy = "Aandachtsfunctionaris (fictief)", Purpose = "Fictief doel (demo).", Necessity = "Fictief (demo).", Proportionality = "Fictief (demo).",
                    Subsidiarity = "Fictief (demo).", SharingJustified = true, Outcome = "Fictief: delen is gerechtvaardigd (demo).",
                };
                balancing.Add(record);
                route.BalancingId = record.Id;
                route.RecipientPartnerId = recipient;
                route.HandoverSummary = "Fictieve samenvatting voor de ontvanger (demo).";
                route.ForwardedAt = at;
                route.Channel = (ForwardingChannel)random.Next(4);
                route.ForwardedToPartnerId = recipient;
                route.ForwardedById = Actor;
            }

            Check(signal.MoveTo(SignalStatus.Forwarded, null, at));
            Purge(signal, SignalPurge.OnForwardingRule, at);
        }

        /// <summary>The purge as forwarding and the retention run do it; the signal's data key is stored destroyed, as DataKeyShredding leaves it.</summary>
        private void Purge(Signal signal, string rule, DateTimeOffset at)
        {
            SignalPurge.Apply(signal, agendaOf[signal.Id], balancingOf[signal.Id], routesOf[signal.Id], rule, at);
            var key = new DataKey { Id = Guid.CreateVersion7(), CreatedAt = signal.ReceivedAt, DestroyedAt = at };
            db.DataKeys.Add(key);
            signal.DataKeyId = key.Id;
        }

        private LocationType Location(ExploitationForms forms)
        {
            LocationType[] choices = forms switch
            {
                ExploitationForms.Sexual => [LocationType.Hotel, LocationType.ShortStayRental, LocationType.PrivateHome, LocationType.MassageSalon, LocationType.Online],
                ExploitationForms.Labour => [LocationType.CompanyOrDistributionCentre, LocationType.EmploymentAgency, LocationType.FarmOrGreenhouse, LocationType.HolidayPark, LocationType.Schiphol],
                ExploitationForms.Criminal => [LocationType.StreetOrPublicSpace, LocationType.School, LocationType.PrivateHome, LocationType.Schiphol],
                _ => [LocationType.Hotel, LocationType.HolidayPark, LocationType.Other],
            };
            return choices[random.Next(choices.Length)];
        }

        private IEnumerable<string> Indicators(ExploitationForms forms)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"G{random.Next(1, 11):00}");
            var letter = forms.HasFlag(ExploitationForms.Sexual) ? "S" : forms.HasFlag(ExploitationForms.Labour) ? "L" : forms.HasFlag(ExploitationForms.Criminal) ? "C" : null;
            if (letter is not null)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"{letter}{random.Next(1, 8):00}");
            }
        }

        private int Pick(double[] weights) => Figures.SeedLoad.Pick(random, weights);

        private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

        private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

        private static void Check(TransitionCheck check)
        {
            if (!check.IsAllowed)
            {
                throw new InvalidOperationException("The demo history broke the state machine: " + check.Refusal);
            }
        }
    }
}
