using Meldroute.Web.Features.Agenda;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Framework;

/// <summary>Assessing one building block: status, explanation, lack of national funding, the agenda activities that work on it.</summary>
[Authorize(Policy = Policies.PolicyAdvisor)]
public sealed class BlockModel(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public BuildingBlockRequest Input { get; set; } = new();

    public BuildingBlockView Block { get; private set; } = null!;

    public IReadOnlyList<(int Id, string Title)> ActivityChoices { get; private set; } = [];

    public string? Conflict { get; private set; }

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = new BuildingBlockRequest
        {
            Version = Block.Version, Status = Block.Status?.ToString(), Explanation = Block.Explanation, LacksNationalFunding = Block.LacksNationalFunding,
            ActivityIds = [.. Block.Activities.Select(a => a.Id)],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var outcome = await UpdateBuildingBlock.HandleAsync(db, audit, clock, t, User, Id, Input, cancellationToken);
        return await outcome.ToPageResultAsync(this, ok: _ => Redirect(Url.Page("Index") + "#block-" + Id), again: AgainAsync, prefix: nameof(Input), conflict: m => Conflict = m);

        async Task<IActionResult> AgainAsync()
        {
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var checklist = (await GetFrameworkChecklist.HandleAsync(db, t, null, cancellationToken)).Value!;
        if (checklist.Blocks.SingleOrDefault(b => b.Id == Id) is not { } block)
        {
            return false;
        }

        Block = block;
        ActivityChoices = [.. (await db.AgendaActivities.AsNoTracking().OrderBy(a => a.Title).Select(a => new { a.Id, a.Title }).ToListAsync(cancellationToken)).Select(a => (a.Id, a.Title))];
        return true;
    }
}
