using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Meldroute.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Partners;

/// <summary>Changing a partner: its row of Table 1 and its contact persons.</summary>
[Authorize(Policy = Policies.PartnerEditor)]
public sealed class EditModel(MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>Empty rows offered for new contact persons.</summary>
    public const int BlankContacts = 2;

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public PartnerRequest Input { get; set; } = new();

    public string? Conflict { get; private set; }

    public string PartnerName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await GetPartner.HandleAsync(db, Id, cancellationToken) is not { } partner)
        {
            return NotFound();
        }

        PartnerName = partner.Name;
        Input = PartnerRequest.From(partner);
        AddBlankContacts();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var outcome = await UpdatePartner.HandleAsync(db, audit, clock, t, User, Id, Input, cancellationToken);
        return await outcome.ToPageResultAsync(this, ok: _ => RedirectToPage("Partner", new { id = Id, saved = true }), again: AgainAsync, prefix: nameof(Input), conflict: m => Conflict = m);

        async Task<IActionResult> AgainAsync()
        {
            PartnerName = (await GetPartner.HandleAsync(db, Id, cancellationToken))?.Name ?? Input.Name ?? "";
            AddBlankContacts();
            return Page();
        }
    }

    public string? ErrorFor(string field) => ModelState.ErrorFor(field);

    private void AddBlankContacts()
    {
        var blanks = Input.Contacts.Count(c => c.IsEmpty);
        for (var i = blanks; i < BlankContacts && Input.Contacts.Count < PartnerNetwork.ContactsMax; i++)
        {
            Input.Contacts.Add(new PartnerContactInput());
        }
    }
}
