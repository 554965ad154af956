using System.Net.Mail;
using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Partners;

public sealed class PartnerContactInput
{
    public string? Name { get; set; }

    public string? Function { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Availability { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Function) && string.IsNullOrWhiteSpace(Phone)
                           && string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Availability);
}

/// <summary>UpdatePartner's body: the row of Table 1 and the contact persons (the list replaces the old one; empty rows are ignored).</summary>
public sealed class PartnerRequest
{
    public Guid? Version { get; set; }

    public string? Name { get; set; }

    public PartnerKind? Kind { get; set; }

    public bool Policy { get; set; }

    public bool Prevention { get; set; }

    public bool Signalling { get; set; }

    public bool InvestigationProsecution { get; set; }

    public bool Aftercare { get; set; }

    public bool Sexual { get; set; }

    public bool Labour { get; set; }

    public bool Criminal { get; set; }

    public List<PartnerContactInput> Contacts { get; set; } = [];

    public static PartnerRequest From(PartnerView p) => new()
    {
        Version = p.Version, Name = p.Name, Kind = p.Kind, Policy = p.Policy, Prevention = p.Prevention, Signalling = p.Signalling,
        InvestigationProsecution = p.InvestigationProsecution, Aftercare = p.Aftercare, Sexual = p.Sexual, Labour = p.Labour, Criminal = p.Criminal,
        Contacts = [.. p.Contacts.Select(c => new PartnerContactInput { Name = c.Name, Function = c.Function, Phone = c.Phone, Email = c.Email, Availability = c.Availability })],
    };
}

/// <summary>
/// UpdatePartner: a partner's row of Table 1 and its contact persons. Every change is audited and listed on the
/// partner's page.
/// </summary>
public static class UpdatePartner
{
    public static async Task<Outcome<PartnerView>> HandleAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, int id, PartnerRequest r, CancellationToken cancellationToken)
    {
        if (!await db.Partners.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return Outcome<PartnerView>.NotFound();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        TextRules.Check(errors, nameof(r.Name), r.Name, PartnerNetwork.NameMax, t, required: true);
        if (r.Kind is null || !Enum.IsDefined(r.Kind.Value))
        {
            errors[nameof(r.Kind)] = [t["Partner_KindRequired"]];
        }

        var contacts = r.Contacts.Where(c => !c.IsEmpty).ToList();
        if (contacts.Count > PartnerNetwork.ContactsMax)
        {
            errors[nameof(r.Contacts)] = [t["Partner_TooManyContacts", PartnerNetwork.ContactsMax]];
        }

        for (var i = 0; i < r.Contacts.Count; i++)
        {
            var c = r.Contacts[i];
            if (c.IsEmpty)
            {
                continue;
            }

            var prefix = $"{nameof(r.Contacts)}[{i}].";
            TextRules.Check(errors, prefix + nameof(c.Name), c.Name, PartnerNetwork.ShortMax, t, required: true);
            TextRules.Check(errors, prefix + nameof(c.Function), c.Function, PartnerNetwork.ShortMax, t);
            TextRules.Check(errors, prefix + nameof(c.Availability), c.Availability, PartnerNetwork.ShortMax, t);
            TextRules.Check(errors, prefix + nameof(c.Phone), c.Phone, PartnerNetwork.PhoneMax, t);
            TextRules.Check(errors, prefix + nameof(c.Email), c.Email, PartnerNetwork.ShortMax, t);
            if (!string.IsNullOrWhiteSpace(c.Phone) && !IsPhone(c.Phone))
            {
                errors[prefix + nameof(c.Phone)] = [t["Partner_PhoneInvalid"]];
            }

            if (!string.IsNullOrWhiteSpace(c.Email) && !IsEmail(c.Email))
            {
                errors[prefix + nameof(c.Email)] = [t["Partner_EmailInvalid"]];
            }
        }

        var name = TextRules.Clean(r.Name);
        if (name is not null && await db.Partners.AnyAsync(p => p.Name == name && p.Id != id, cancellationToken))
        {
            errors[nameof(r.Name)] = [t["Partner_NameTaken"]];
        }

        if (errors.Count > 0)
        {
            return Outcome<PartnerView>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var partner = await db.Partners.Include(p => p.Contacts).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (partner is null)
        {
            return Outcome<PartnerView>.NotFound();
        }

        if (r.Version is { } version && version != partner.Version)
        {
            return Outcome<PartnerView>.Conflict(t["Partner_ChangedByOther", partner.Name]);
        }

        db.Entry(partner).Property(p => p.Version).OriginalValue = partner.Version;

        var roles = (r.Policy ? PartnerRoles.Policy : 0) | (r.Prevention ? PartnerRoles.Prevention : 0) | (r.Signalling ? PartnerRoles.Signalling : 0)
                    | (r.InvestigationProsecution ? PartnerRoles.InvestigationProsecution : 0) | (r.Aftercare ? PartnerRoles.Aftercare : 0);
        var forms = (r.Sexual ? ExploitationForms.Sexual : 0) | (r.Labour ? ExploitationForms.Labour : 0) | (r.Criminal ? ExploitationForms.Criminal : 0);
        var newContacts = contacts.Select((c, i) => new PartnerContact
        {
            Name = TextRules.Clean(c.Name)!, Function = TextRules.Clean(c.Function), Phone = TextRules.Clean(c.Phone), Email = TextRules.Clean(c.Email),
            Availability = TextRules.Clean(c.Availability), SortOrder = i + 1,
        }).ToList();

        var changed = new List<string>();
        if (partner.Name != name) changed.Add("Name");
        if (partner.Kind != r.Kind) changed.Add("Kind");
        if (partner.Roles != roles) changed.Add("Roles");
        if (partner.Forms != forms) changed.Add("Forms");
        static string Key(PartnerContact c) => string.Join('\u001f', c.Name, c.Function, c.Phone, c.Email, c.Availability);
        if (!partner.Contacts.OrderBy(c => c.SortOrder).Select(Key).SequenceEqual(newContacts.Select(Key), StringComparer.Ordinal)) changed.Add("Contacts");

        partner.Name = name!;
        partner.Kind = r.Kind!.Value;
        partner.Roles = roles;
        partner.Forms = forms;
        if (changed.Contains("Contacts"))
        {
            db.PartnerContacts.RemoveRange(partner.Contacts);
            partner.Contacts = newContacts;
        }

        var now = clock.GetUtcNow();
        partner.UpdatedAt = now;
        partner.UpdatedById = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (changed.Count > 0)
        {
            db.PartnerChanges.Add(new PartnerChange
            {
                PartnerId = partner.Id, ChangedAt = now, ChangedById = partner.UpdatedById, ChangedByName = user.Identity?.Name, Fields = string.Join(',', changed),
            });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<PartnerView>.Conflict(t["Partner_ChangedByOther", partner.Name]);
        }

        await audit.RecordAsync(new AuditEntry("partner.updated", AuditOutcome.Success, "partner", partner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<PartnerView>.Ok((await GetPartner.HandleAsync(db, id, cancellationToken))!);
    }

    private static bool IsPhone(string value) =>
        value.Trim().All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')') && value.Count(char.IsAsciiDigit) >= 3;

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim() && address.Host.Contains('.', StringComparison.Ordinal);
}
