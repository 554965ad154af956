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
        if (await PartnerNetwork.GetAsync(db, Id, cancellationToken) is not { } partner)
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
        var outcome = await PartnerNetwork.UpdateAsync(db, audit, clock, t, User, Id, Input, cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Ok:
                return RedirectToPage("Partner", new { id = Id, saved = true });
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Invalid:
                outcome.Errors!.AddTo(ModelState, nameof(Input));
                break;
            default:
                Conflict = outcome.Message;
                break;
        }

        PartnerName = (await PartnerNetwork.GetAsync(db, Id, cancellationToken))?.Name ?? Input.Name ?? "";
        AddBlankContacts();
        return Page();
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
