using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.CaseTable;
using Meldroute.Web.Features.Departments;
using Meldroute.Web.Features.Intake;
using Meldroute.Web.Features.Municipalities;
using Meldroute.Web.Features.Partners;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using System.Linq.Expressions;

namespace Meldroute.Web.Infrastructure.Data;

/// <summary>
/// The one model of Meldroute. Each database provider has a subclass only so that it can keep its own
/// migrations (EF Core migrations are provider-specific); feature code always asks for this type.
/// </summary>
public class MeldrouteDbContext(DbContextOptions options) : IdentityDbContext<MeldrouteUser, IdentityRole, string>(options)
{
    /// <summary>The key ring that encrypts this context's personal data (part of the model's cache key).</summary>
    internal PersonalDataProtection Protection { get; } = options.FindExtension<PersonalDataOptionsExtension>()?.Protection
        ?? throw new InvalidOperationException("The context's options have no key protection: configure them with UsePersonalDataProtection.");

    /// <summary>The municipality of this unit of work; set when the context is handed out (DatabaseSetup), cleared when it goes back to the pool.</summary>
    internal MunicipalityScope? Municipality { get; set; }

    /// <summary>
    /// The municipality every query of a municipality's rows is filtered by and every new row is stamped with; null
    /// when there is none, and then the filters answer no rows (<see cref="MunicipalityScope"/>).
    /// </summary>
    public int? CurrentMunicipalityId => Municipality?.Id;

    /// <summary>From now on this unit of work is for <paramref name="municipalityId"/> (see <see cref="MunicipalityScope.Use"/>).</summary>
    internal void UseMunicipality(int municipalityId) =>
        (Municipality ?? throw new InvalidOperationException("The context has no municipality scope.")).Use(municipalityId);

    /// <summary>
    /// For a context made outside the app's services (the figures benchmark): from now on this unit of work is for
    /// <paramref name="municipalityId"/>, as a scope's context is for its account's municipality.
    /// </summary>
    public void UseOnly(int municipalityId)
    {
        Municipality = new MunicipalityScope(new Microsoft.AspNetCore.Http.HttpContextAccessor(), new MunicipalityDirectory(), Microsoft.Extensions.Options.Options.Create(new Infrastructure.MeldrouteOptions()));
        Municipality.Use(municipalityId);
    }

    public DbSet<Municipality> Municipalities => Set<Municipality>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<PendingAuditEvent> PendingAuditEvents => Set<PendingAuditEvent>();

    /// <summary>Set by <see cref="AuditTrail"/> when this unit of work added events for <see cref="AuditChainer"/> to link after the commit.</summary>
    internal bool AuditEventsAwaitChain { get; set; }
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<PartnerWorkProcess> PartnerWorkProcesses => Set<PartnerWorkProcess>();
    public DbSet<PartnerRoute> PartnerRoutes => Set<PartnerRoute>();
    public DbSet<PartnerContact> PartnerContacts => Set<PartnerContact>();
    public DbSet<PartnerChange> PartnerChanges => Set<PartnerChange>();
    public DbSet<Features.Setup.ReferenceChange> ReferenceChanges => Set<Features.Setup.ReferenceChange>();
    public DbSet<Features.Agenda.AgendaActivity> AgendaActivities => Set<Features.Agenda.AgendaActivity>();
    public DbSet<Features.Agenda.AgendaProgressNote> AgendaProgressNotes => Set<Features.Agenda.AgendaProgressNote>();
    public DbSet<Features.Framework.BuildingBlock> BuildingBlocks => Set<Features.Framework.BuildingBlock>();
    public DbSet<Features.Framework.BuildingBlockActivity> BuildingBlockActivities => Set<Features.Framework.BuildingBlockActivity>();
    public DbSet<Features.Training.TrainingSession> TrainingSessions => Set<Features.Training.TrainingSession>();
    public DbSet<Features.Training.TrainingAttendance> TrainingAttendance => Set<Features.Training.TrainingAttendance>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<Signal> Signals => Set<Signal>();
    public DbSet<Features.Intake.IntakeDraft> IntakeDrafts => Set<Features.Intake.IntakeDraft>();
    public DbSet<SignalPerson> SignalPeople => Set<SignalPerson>();
    public DbSet<SignalAttachment> SignalAttachments => Set<SignalAttachment>();
    public DbSet<Features.Notifications.OutboxMail> OutboxMails => Set<Features.Notifications.OutboxMail>();
    public DbSet<SignalStatusChange> SignalStatusChanges => Set<SignalStatusChange>();
    public DbSet<SignalReferenceCounter> SignalReferenceCounters => Set<SignalReferenceCounter>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<CaseTableMeeting> CaseTableMeetings => Set<CaseTableMeeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<MeetingContribution> MeetingContributions => Set<MeetingContribution>();
    public DbSet<DecisionRoute> DecisionRoutes => Set<DecisionRoute>();
    public DbSet<BalancingOfInterests> BalancingOfInterests => Set<BalancingOfInterests>();
    public DbSet<Features.Forwarding.HandoverLink> HandoverLinks => Set<Features.Forwarding.HandoverLink>();
    public DbSet<Features.Retention.LegalHold> LegalHolds => Set<Features.Retention.LegalHold>();
    public DbSet<Jobs.JobRun> JobRuns => Set<Jobs.JobRun>();
    public DbSet<Privacy.InstallationSecret> InstallationSecrets => Set<Privacy.InstallationSecret>();
    public DbSet<DataKey> DataKeys => Set<DataKey>();
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();
    public DbSet<Features.VictimDossiers.VictimDossier> VictimDossiers => Set<Features.VictimDossiers.VictimDossier>();
    public DbSet<Features.VictimDossiers.DossierNote> DossierNotes => Set<Features.VictimDossiers.DossierNote>();
    public DbSet<Features.VictimDossiers.DossierConsent> DossierConsents => Set<Features.VictimDossiers.DossierConsent>();
    public DbSet<Features.VictimDossiers.DossierPartner> DossierPartners => Set<Features.VictimDossiers.DossierPartner>();
    public DbSet<Features.VictimDossiers.DossierAccessGrant> DossierAccessGrants => Set<Features.VictimDossiers.DossierAccessGrant>();
    public DbSet<Features.VictimDossiers.ComenshaRegistration> ComenshaRegistrations => Set<Features.VictimDossiers.ComenshaRegistration>();
    public DbSet<Features.Privacy.ProcessingActivity> ProcessingActivities => Set<Features.Privacy.ProcessingActivity>();
    public DbSet<Features.Admin.AccessReview.AccessReviewRecord> AccessReviews => Set<Features.Admin.AccessReview.AccessReviewRecord>();
    public DbSet<Features.Figures.ContextFigure> ContextFigures => Set<Features.Figures.ContextFigure>();
    public DbSet<Features.Figures.BaselineCount> BaselineCounts => Set<Features.Figures.BaselineCount>();
    public DbSet<Features.Figures.FigureCount> FigureCounts => Set<Features.Figures.FigureCount>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MeldrouteDbContext).Assembly);
        ScopeToMunicipality(builder);
        Protection.ApplyTo(builder);
    }

    /// <summary>
    /// THE place where a municipality's rows are kept apart: every entity that belongs to a municipality gets a required
    /// foreign key to it and a query filter on the current municipality, so that no handler needs (or can forget) a
    /// where of its own. Code that must see several municipalities says so with IgnoreQueryFilters and a comment why.
    /// Accounts are filtered too, except while there is no municipality (before sign-in): an e-mail address is an
    /// account's name in the whole installation, and signing in must find it.
    /// </summary>
    private void ScopeToMunicipality(ModelBuilder builder)
    {
        var current = Expression.Property(Expression.Constant(this), nameof(CurrentMunicipalityId));
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IMunicipalityOwned).IsAssignableFrom(t.ClrType)).ToList())
        {
            var entity = builder.Entity(type.ClrType);
            entity.HasOne(typeof(Municipality)).WithMany().HasForeignKey(nameof(IMunicipalityOwned.MunicipalityId)).OnDelete(DeleteBehavior.Restrict);
            var row = Expression.Parameter(type.ClrType, "row");
            Expression filter = Expression.Equal(
                Expression.Convert(Expression.Property(row, nameof(IMunicipalityOwned.MunicipalityId)), typeof(int?)), current);
            if (type.ClrType == typeof(MeldrouteUser))
            {
                filter = Expression.OrElse(Expression.Equal(current, Expression.Constant(null, typeof(int?))), filter);
            }

            entity.HasQueryFilter(Expression.Lambda(filter, row));
        }

        // The audit log is the installation's one chain; each event names the municipality whose privacy officer sees it.
        builder.Entity<AuditEvent>().HasOne<Municipality>().WithMany().HasForeignKey(e => e.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<AuditEvent>().HasQueryFilter(e => e.MunicipalityId == CurrentMunicipalityId);

        // A partner is the region's (no municipality: every municipality sees it) or one municipality's own.
        builder.Entity<Partner>().HasOne<Municipality>().WithMany().HasForeignKey(p => p.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Partner>().HasQueryFilter(p => p.MunicipalityId == null || p.MunicipalityId == CurrentMunicipalityId);
    }

    /// <summary>A new row of a municipality gets the current one; a row never moves to another.</summary>
    private void StampMunicipality(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        switch (entry.Entity)
        {
            case IMunicipalityOwned owned when entry.State == EntityState.Added:
                var current = CurrentMunicipalityId;
                if (owned.MunicipalityId == 0)
                {
                    owned.MunicipalityId = current
                        ?? throw new InvalidOperationException($"A new {entry.Metadata.ClrType.Name} has no municipality: the unit of work is for none (MunicipalityScope).");
                }
                else if (current is { } id && owned.MunicipalityId != id)
                {
                    throw new InvalidOperationException($"A new {entry.Metadata.ClrType.Name} names another municipality than the unit of work's.");
                }

                break;
            case IMunicipalityOwned when entry.State == EntityState.Modified && entry.Property(nameof(IMunicipalityOwned.MunicipalityId)) is { IsModified: true } p
                && !Equals(p.OriginalValue, p.CurrentValue):
                throw new InvalidOperationException($"A {entry.Metadata.ClrType.Name} never moves to another municipality.");
            case AuditEvent { MunicipalityId: null } e when entry.State == EntityState.Added:
                e.MunicipalityId = CurrentMunicipalityId;
                break;
            case PendingAuditEvent { MunicipalityId: null } p when entry.State == EntityState.Added:
                p.MunicipalityId = CurrentMunicipalityId;
                break;
            case Partner { MunicipalityId: null } partner when entry.State == EntityState.Added && Municipality is { PartnersPerMunicipality: true }:
                partner.MunicipalityId = CurrentMunicipalityId
                    ?? throw new InvalidOperationException("A new partner has no municipality while partners are kept per municipality: the unit of work is for none (MunicipalityScope).");
                break;
            case Partner when entry.State == EntityState.Modified && entry.Property(nameof(Partner.MunicipalityId)) is { IsModified: true } moved
                && !Equals(moved.OriginalValue, moved.CurrentValue):
                throw new InvalidOperationException("A partner never moves between the region and a municipality.");
        }
    }

    public override void Dispose()
    {
        Municipality = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Municipality = null;
        return base.DisposeAsync();
    }

    /// <summary>
    /// Every save of a versioned entity gets a new version: a second editor holding the old one is refused. Every
    /// personal value written is encrypted with its owner's data key (<see cref="DataKeyWrites"/>).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var writes = new DataKeyWrites(this);
        var counted = new List<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry>();
        // One pass over the tracked entries: each Entries() call scans the whole change tracker for changes first.
        foreach (var entry in ChangeTracker.Entries())
        {
            if (Features.Figures.FigureCountChanges.Counts(entry))
            {
                counted.Add(entry);
            }

            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            StampMunicipality(entry);
            if (entry is { State: EntityState.Modified, Entity: IVersioned versioned })
            {
                versioned.Version = Guid.NewGuid();
            }

            if (entry.Entity is Signal signal)
            {
                signal.RefreshFigureColumns();
            }

            // Names get their keyed hash on every write, so that the subject index never lags behind the data.
            if (entry.Entity is INamedSubject named)
            {
                named.SubjectHash = Protection.SubjectIndex.Hash(named.NameOrDescription);
            }

            writes.Note(entry);
        }

        // What the save changes in the figures' monthly counts, written in the save's own transaction.
        var figures = await Features.Figures.FigureCountChanges.CollectAsync(this, counted, cancellationToken);
        using (PersonalDataProtection.BeginWrite(await writes.ResolveAsync(cancellationToken)))
        {
            if (figures.Count == 0)
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }

            // The changes are accepted only once the counts are written too: a failed upsert leaves them to save again.
            var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
            try
            {
                var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
                await Features.Figures.FigureCountChanges.ApplyAsync(this, figures, cancellationToken);
                if (own is not null)
                {
                    await own.CommitAsync(cancellationToken);
                }

                if (acceptAllChangesOnSuccess)
                {
                    ChangeTracker.AcceptAllChanges();
                }

                return saved;
            }
            finally
            {
                if (own is not null)
                {
                    await own.DisposeAsync();
                }
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Meldroute saves asynchronously only: the data keys of a save are resolved with queries.");
}

public sealed class SqliteMeldrouteDbContext(DbContextOptions<SqliteMeldrouteDbContext> options) : MeldrouteDbContext(options)
{
    /// <summary>The data keys are in the key file attached to each connection (<see cref="DataKeyAttach"/>), not in the database's migrations.</summary>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<DataKey>().ToTable("DataKeys", t => t.ExcludeFromMigrations());
    }

    /// <summary>SQLite has no date-time type: instants are stored as sortable numbers so that queries can compare them.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresMeldrouteDbContext(DbContextOptions<PostgresMeldrouteDbContext> options) : MeldrouteDbContext(options);
