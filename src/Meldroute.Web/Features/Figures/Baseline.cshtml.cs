using System.Text.Json;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Setup;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Figures;

/// <summary>One change of an entered count as the page lists it: when, who, which count, and its old and new values.</summary>
public sealed record BaselineChangeView(DateTimeOffset At, string? By, string Key, IReadOnlyList<string> Fields, IReadOnlyDictionary<string, string?> Before, IReadOnlyDictionary<string, string?> After);

/// <summary>
/// The counts from before Meldroute (ListBaselineCounts, SetBaselineCount, DeleteBaselineCount): the policy advisor
/// enters, corrects and removes them, and sees every change with its old and new value.
/// </summary>
[Authorize(Policy = Policies.PolicyAdvisor)]
public sealed class BaselineModel(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    private static readonly string[] NumberFields = [nameof(BaselineCountRequest.Year), nameof(BaselineCountRequest.Count)];

    /// <summary>The entry being changed, or none when adding one.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public BaselineCountRequest Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Saved { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Deleted { get; set; }

    public IReadOnlyList<BaselineCountView> Entries { get; private set; } = [];

    public IReadOnlyList<BaselineChangeView> Changes { get; private set; } = [];

    public string? Conflict { get; private set; }

    /// <summary>Changing an entry keeps its year, form and source: those are what it is (remove it and enter another instead).</summary>
    public bool IsChange => Id is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Id is { } id)
        {
            if (await db.BaselineCounts.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken) is not { } entry)
            {
                return NotFound();
            }

            Input = new BaselineCountRequest { Year = entry.Year, Form = entry.Form, Source = entry.Source, Count = entry.Count, Note = entry.Note, Version = entry.Version };
        }
        else
        {
            Input.Year ??= clock.GetUtcNow().Year - 1;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // A year or count that is no number is the model binder's error: shown next to the field, in Dutch, with what was typed.
        var typed = NumberFields.Where(f => ModelState.TryGetValue("Input." + f, out var entry) && entry.Errors.Count > 0).ToList();
        ModelState.Clear();
        if (typed.Count > 0)
        {
            foreach (var field in typed)
            {
                var text = Request.Form["Input." + field].ToString();
                ModelState.SetModelValue("Input." + field, text, text);
                ModelState.AddModelError("Input." + field, field == nameof(BaselineCountRequest.Year)
                    ? t["Baseline_YearRange", BaselineRules.FirstYear, clock.GetUtcNow().Year]
                    : t["Baseline_CountRange", BaselineRules.CountMax]);
            }

            await LoadAsync(cancellationToken);
            return Page();
        }

        var outcome = await SetBaselineCount.HandleAsync(db, audit, clock, t, User, Input, cancellationToken);
        return await outcome.ToPageResultAsync(this, ok: _ => RedirectToPage("Baseline", new { saved = true }), again: AgainAsync, prefix: nameof(Input), conflict: m => Conflict = m);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int entry, Guid? version, CancellationToken cancellationToken)
    {
        Id = null;
        var outcome = await DeleteBaselineCount.HandleAsync(db, audit, clock, t, User, entry, version, cancellationToken);
        return await outcome.ToPageResultAsync(this, ok: _ => RedirectToPage("Baseline", new { deleted = true }), again: AgainAsync, conflict: m => Conflict = m);
    }

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);

    private async Task<IActionResult> AgainAsync()
    {
        await LoadAsync(HttpContext.RequestAborted);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Entries = await ListBaselineCounts.HandleAsync(db, cancellationToken);
        var changes = await db.ReferenceChanges.AsNoTracking().Where(c => c.Subject == ReferenceChange.Baseline)
            .OrderByDescending(c => c.Id).Take(50).ToListAsync(cancellationToken);
        Changes = [.. changes.Select(c => new BaselineChangeView(c.ChangedAt, c.ChangedByName, c.SubjectKey, c.Fields.Split(','), Values(c.Before), Values(c.After)))];
    }

    private static Dictionary<string, string?> Values(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!.ToDictionary(v => v.Key, v => v.Value.ValueKind == JsonValueKind.Null ? null : v.Value.ToString());
}
