using Meldroute.Web.Features.Account;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Departments;
using Meldroute.Web.Features.Partners;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Meldroute.Web.Infrastructure.Data;

/// <summary>
/// The one model of Meldroute. Each database provider has a subclass only so that it can keep its own
/// migrations (EF Core migrations are provider-specific); feature code always asks for this type.
/// </summary>
public class MeldrouteDbContext(DbContextOptions options) : IdentityDbContext<MeldrouteUser, IdentityRole, string>(options)
{
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<PartnerWorkProcess> PartnerWorkProcesses => Set<PartnerWorkProcess>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MeldrouteDbContext).Assembly);
    }
}

public sealed class SqliteMeldrouteDbContext(DbContextOptions<SqliteMeldrouteDbContext> options) : MeldrouteDbContext(options);

public sealed class PostgresMeldrouteDbContext(DbContextOptions<PostgresMeldrouteDbContext> options) : MeldrouteDbContext(options);
