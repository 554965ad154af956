using Meldroute.Web.Features.Retention;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Meldroute.Web.Features.VictimDossiers;

/// <summary>The list of victim dossiers: all of them for the coordinator, the granted ones for anyone else.</summary>
[Authorize(Policy = Policies.DossierReader)]
public sealed class IndexModel(MeldrouteDbContext db, TimeProvider clock, IOptions<RetentionOptions> retention, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool IncludeClosed { get; set; }

    /// <summary>Only the open dossiers whose reflection period ends within <see cref="ListVictimDossiers.ReflectionEndingDays"/> days (the coordinator's dashboard links here).</summary>
    [BindProperty(SupportsGet = true)]
    public bool ReflectionEnding { get; set; }

    /// <summary>Where the page starts (<see cref="PageCursor"/>); an unreadable one shows the first page.</summary>
    [BindProperty(SupportsGet = true, Name = PageCursor.Parameter)]
    public string? Cursor { get; set; }

    public KeysetPage<DossierSummary> Dossiers { get; private set; } = new([], null, null) { IsFirst = true };

    public Pager Pager => new("/VictimDossiers/Index", Dossiers.Previous, Dossiers.Next, new Dictionary<string, string?> { ["includeClosed"] = IncludeClosed ? "true" : null, ["reflectionEnding"] = ReflectionEnding ? "true" : null })
    {
        PastFirst = !Dossiers.IsFirst,
    };

    public bool IsCoordinator => User.IsInRole(Roles.VictimCareCoordinator);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Dossiers = (await ListVictimDossiers.HandleAsync(db, t, User, clock.GetUtcNow(), retention.Value, new DossierFilter(IncludeClosed, ReflectionEnding), Cursor, ListVictimDossiers.PageSize, cancellationToken)).Value
            ?? (await ListVictimDossiers.HandleAsync(db, t, User, clock.GetUtcNow(), retention.Value, new DossierFilter(IncludeClosed, ReflectionEnding), null, ListVictimDossiers.PageSize, cancellationToken)).Value!;
}
