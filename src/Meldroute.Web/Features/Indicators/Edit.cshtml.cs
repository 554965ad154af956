using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Indicators;

/// <summary>Changing the indicator checklist (UpdateIndicators): reword, retire or bring back an indicator, or add new ones.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class EditModel(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t, IMemoryCache cache) : PageModel
{
    /// <summary>Empty rows offered for new indicators.</summary>
    public const int BlankRows = 3;

    [BindProperty]
    public IndicatorsRequest Input { get; set; } = new();

    /// <summary>How many rows of <see cref="Input"/> are stored indicators (their code is fixed); the rest are new.</summary>
    [BindProperty]
    public int Stored { get; set; }

    public string? Conflict { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var list = await UpdateIndicators.ListAsync(db, cancellationToken);
        Input = new IndicatorsRequest
        {
            Version = list.Version,
            Indicators = [.. list.Indicators.Select(i => new IndicatorInput { Code = i.Code, Form = i.Form, TextNl = i.TextNl, TextEn = i.TextEn, Active = i.Active })],
        };
        Stored = Input.Indicators.Count;
        AddBlankRows();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        // Blank new rows are no indicators; the stored rows keep their places so that errors land next to their fields.
        var rows = Input.Indicators;
        var request = new IndicatorsRequest
        {
            Version = Input.Version,
            Indicators = [.. rows.Where((r, n) => n < Stored || !IsBlank(r))],
        };
        var indexes = rows.Select((r, n) => (r, n)).Where(x => x.n < Stored || !IsBlank(x.r)).Select(x => x.n).ToList();
        var outcome = await UpdateIndicators.HandleAsync(db, audit, clock, t, cache, User, request, cancellationToken);
        if (outcome.Kind == OutcomeKind.Invalid)
        {
            // The request's row k is the form's row indexes[k].
            foreach (var (field, messages) in outcome.Errors!)
            {
                var match = System.Text.RegularExpressions.Regex.Match(field, @"^Indicators\[(\d+)\]\.(\w+)$");
                var name = match.Success ? $"Input.Indicators[{indexes[int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]}].{match.Groups[2].Value}" : "Input." + field;
                foreach (var message in messages)
                {
                    ModelState.AddModelError(name, message);
                }
            }

            return Page();
        }

        return await outcome.ToPageResultAsync(this, ok: _ => RedirectToPage("Index", new { saved = true }), again: () => Task.FromResult<IActionResult>(Page()), conflict: m => Conflict = m);
    }

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);

    private static bool IsBlank(IndicatorInput r) => string.IsNullOrWhiteSpace(r.Code) && string.IsNullOrWhiteSpace(r.TextNl) && string.IsNullOrWhiteSpace(r.TextEn);

    private void AddBlankRows()
    {
        for (var n = 0; n < BlankRows; n++)
        {
            Input.Indicators.Add(new IndicatorInput { Active = true });
        }
    }
}
