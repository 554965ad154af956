using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Framework;

/// <summary>The VNG framework checklist: a summary per theme and plateau against the 2026 ambition, and every building block.</summary>
[Authorize(Policy = Policies.PolicyAdvisor)]
public sealed class IndexModel(MeldrouteDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "level")]
    public string? Level { get; set; }

    public FrameworkChecklistView Checklist { get; private set; } = new([], [], null);

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        int? level = null;
        if (!string.IsNullOrWhiteSpace(Level))
        {
            if (int.TryParse(Level, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                level = parsed;
            }
            else
            {
                ModelState.AddModelError("Level", t["Agenda_LevelRange"]);
                return;
            }
        }

        var outcome = await GetFrameworkChecklist.HandleAsync(db, t, level, cancellationToken);
        if (outcome.Kind == OutcomeKind.Ok)
        {
            Checklist = outcome.Value!;
        }
        else
        {
            outcome.Errors!.AddTo(ModelState, "");
        }
    }
}
