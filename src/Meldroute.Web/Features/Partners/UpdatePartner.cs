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

/// <summary>CreatePartner's and UpdatePartner's body: the row of Table 1, the contact persons (the list replaces the old one; empty rows are ignored) and the work processes.</summary>
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

    /// <summary>The partner's work processes (Table 2), in order; null or left out leaves them as they are.</summary>
    [MayBeLeftOut]
    public List<string?>? WorkProcesses { get; set; }

    public static PartnerRequest From(PartnerView p) => new()
    {
        Version = p.Version, Name = p.Name, Kind = p.Kind, Policy = p.Policy, Prevention = p.Prevention, Signalling = p.Signalling,
        InvestigationProsecution = p.InvestigationProsecution, Aftercare = p.Aftercare, Sexual = p.Sexual, Labour = p.Labour, Criminal = p.Criminal,
        Contacts = [.. p.Contacts.Select(c => new PartnerContactInput { Name = c.Name, Function = c.Function, Phone = c.Phone, Email = c.Email, Availability = c.Availability })],
        WorkProcesses = [.. p.WorkProcesses],
    };
}

/// <summary>
/// UpdatePartner: a partner's row of Table 1, its contact persons and (when given) its work processes of Table 2.
/// Every change is audited and versioned with old and new values (<see cref="PartnerHistory"/>).
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

        var errors = await ValidateAsync(db, t, r, id, cancellationToken);
        if (errors.Count > 0)
        {
            return Outcome<PartnerView>.Invalid(errors);
        }

        return await PartnerEdits.RunAsync(db, audit, clock, t, user, id, r.Version, "partner.updated", (partner, routes) =>
        {
            Apply(db, partner, r);
            return (routes, null);
        }, cancellationToken);
    }

    /// <summary>The checks CreatePartner and UpdatePartner share: name (unique), kind, contacts and work processes.</summary>
    public static async Task<Dictionary<string, string[]>> ValidateAsync(MeldrouteDbContext db, IStringLocalizer t, PartnerRequest r, int? id, CancellationToken cancellationToken)
    {
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

        var processes = r.WorkProcesses ?? [];
        if (processes.Count(w => !string.IsNullOrWhiteSpace(w)) > PartnerNetwork.WorkProcessesMax)
        {
            errors[nameof(r.WorkProcesses)] = [t["Partner_TooManyWorkProcesses", PartnerNetwork.WorkProcessesMax]];
        }

        for (var i = 0; i < processes.Count; i++)
        {
            TextRules.Check(errors, $"{nameof(r.WorkProcesses)}[{i}]", processes[i], PartnerNetwork.WorkProcessMax, t);
        }

        var name = TextRules.Clean(r.Name);
        if (name is not null && await db.Partners.AnyAsync(p => p.Name == name && p.Id != id, cancellationToken))
        {
            errors[nameof(r.Name)] = [t["Partner_NameTaken"]];
        }

        return errors;
    }

    /// <summary>Writes a checked request onto the partner (contacts and work processes are replaced only when they differ).</summary>
    public static void Apply(MeldrouteDbContext db, Partner partner, PartnerRequest r)
    {
        partner.Name = TextRules.Clean(r.Name)!;
        partner.Kind = r.Kind!.Value;
        partner.Roles = (r.Policy ? PartnerRoles.Policy : 0) | (r.Prevention ? PartnerRoles.Prevention : 0) | (r.Signalling ? PartnerRoles.Signalling : 0)
                        | (r.InvestigationProsecution ? PartnerRoles.InvestigationProsecution : 0) | (r.Aftercare ? PartnerRoles.Aftercare : 0);
        partner.Forms = (r.Sexual ? ExploitationForms.Sexual : 0) | (r.Labour ? ExploitationForms.Labour : 0) | (r.Criminal ? ExploitationForms.Criminal : 0);
        var contacts = r.Contacts.Where(c => !c.IsEmpty).Select((c, i) => new PartnerContact
        {
            Name = TextRules.Clean(c.Name)!, Function = TextRules.Clean(c.Function), Phone = TextRules.Clean(c.Phone), Email = TextRules.Clean(c.Email),
            Availability = TextRules.Clean(c.Availability), SortOrder = i + 1,
        }).ToList();
        ReplaceContacts(db, partner, contacts);
        if (r.WorkProcesses is { } processes)
        {
            ReplaceWorkProcesses(db, partner, [.. processes.Select(TextRules.Clean).OfType<string>()]);
        }
    }

    public static void ReplaceContacts(MeldrouteDbContext db, Partner partner, List<PartnerContact> contacts)
    {
        static string Key(PartnerContact c) => string.Join('\u001f', c.Name, c.Function, c.Phone, c.Email, c.Availability);
        if (!partner.Contacts.OrderBy(c => c.SortOrder).Select(Key).SequenceEqual(contacts.Select(Key), StringComparer.Ordinal))
        {
            db.PartnerContacts.RemoveRange(partner.Contacts);
            partner.Contacts = contacts;
        }
    }

    public static void ReplaceWorkProcesses(MeldrouteDbContext db, Partner partner, List<string> descriptions)
    {
        if (!partner.WorkProcesses.OrderBy(w => w.SortOrder).Select(w => w.Description).SequenceEqual(descriptions, StringComparer.Ordinal))
        {
            db.PartnerWorkProcesses.RemoveRange(partner.WorkProcesses);
            partner.WorkProcesses = [.. descriptions.Select((d, i) => new PartnerWorkProcess { Description = d, SortOrder = i + 1 })];
        }
    }

    public static bool IsPhone(string value) =>
        value.Trim().All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')') && value.Count(char.IsAsciiDigit) >= 3;

    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim() && address.Host.Contains('.', StringComparison.Ordinal);
}
