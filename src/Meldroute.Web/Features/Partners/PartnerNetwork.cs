using System.Net.Mail;
using System.Security.Claims;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Partners;

/// <summary>One column of Table 1 of the plan, in the order of partners.csv.</summary>
public sealed record NetworkColumn(string Code, string TextKey, Func<Partner, bool> IsMarked);

public sealed record PartnerContactView(string Name, string? Function, string? Phone, string? Email, string? Availability);

public sealed record PartnerChangeView(DateTimeOffset ChangedAt, string? ChangedBy, IReadOnlyList<string> Fields);

/// <summary>A partner as the network overview, its page and the API show it: Table 1's marks, Table 2's work processes, contacts.</summary>
public sealed record PartnerView(
    int Id, string Name, PartnerKind Kind,
    bool Policy, bool Prevention, bool Signalling, bool InvestigationProsecution, bool Aftercare,
    bool Sexual, bool Labour, bool Criminal,
    IReadOnlyList<PartnerContactView> Contacts, IReadOnlyList<string> WorkProcesses, IReadOnlyList<Route> Routes, Guid Version)
{
    public static PartnerView From(Partner p, IEnumerable<Route> routes) => new(
        p.Id, p.Name, p.Kind,
        p.Roles.HasFlag(PartnerRoles.Policy), p.Roles.HasFlag(PartnerRoles.Prevention), p.Roles.HasFlag(PartnerRoles.Signalling),
        p.Roles.HasFlag(PartnerRoles.InvestigationProsecution), p.Roles.HasFlag(PartnerRoles.Aftercare),
        p.Forms.HasFlag(ExploitationForms.Sexual), p.Forms.HasFlag(ExploitationForms.Labour), p.Forms.HasFlag(ExploitationForms.Criminal),
        [.. p.Contacts.OrderBy(c => c.SortOrder).Select(c => new PartnerContactView(c.Name, c.Function, c.Phone, c.Email, c.Availability))],
        [.. p.WorkProcesses.OrderBy(w => w.SortOrder).Select(w => w.Description)],
        [.. routes.Order()],
        p.Version);
}

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
/// ListPartners, GetPartner and UpdatePartner: the partner network of Table 1 (roles and forms per partner), the work
/// processes of Table 2 and the contact persons of the care map. Kept as data and editable; every change is audited
/// and listed on the partner's page.
/// </summary>
public static class PartnerNetwork
{
    public const int NameMax = 300;
    public const int ShortMax = 200;
    public const int PhoneMax = 40;
    public const int ContactsMax = 20;

    /// <summary>Table 1's eight columns in the order of partners.csv.</summary>
    public static readonly IReadOnlyList<NetworkColumn> Columns =
    [
        new("policy", "Network_Policy", p => p.Roles.HasFlag(PartnerRoles.Policy)),
        new("prevention", "Network_Prevention", p => p.Roles.HasFlag(PartnerRoles.Prevention)),
        new("signalling", "Network_Signalling", p => p.Roles.HasFlag(PartnerRoles.Signalling)),
        new("investigation_prosecution", "Network_InvestigationProsecution", p => p.Roles.HasFlag(PartnerRoles.InvestigationProsecution)),
        new("aftercare", "Network_Aftercare", p => p.Roles.HasFlag(PartnerRoles.Aftercare)),
        new("sexual", "Form_Sexual", p => p.Forms.HasFlag(ExploitationForms.Sexual)),
        new("labour", "Form_Labour", p => p.Forms.HasFlag(ExploitationForms.Labour)),
        new("criminal", "Form_Criminal", p => p.Forms.HasFlag(ExploitationForms.Criminal)),
    ];

    public static bool IsMarked(PartnerView p, string column) => column switch
    {
        "policy" => p.Policy,
        "prevention" => p.Prevention,
        "signalling" => p.Signalling,
        "investigation_prosecution" => p.InvestigationProsecution,
        "aftercare" => p.Aftercare,
        "sexual" => p.Sexual,
        "labour" => p.Labour,
        "criminal" => p.Criminal,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
    };

    public static async Task<IReadOnlyList<PartnerView>> ListAsync(MeldrouteDbContext db, CancellationToken cancellationToken)
    {
        var partners = await db.Partners.AsNoTracking().Include(p => p.Contacts).Include(p => p.WorkProcesses)
            .OrderBy(p => p.Kind).ThenBy(p => p.SortOrder).ThenBy(p => p.Name).AsSplitQuery().ToListAsync(cancellationToken);
        var routes = (await db.PartnerRoutes.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(r => r.PartnerId, r => r.Route);
        return [.. partners.Select(p => PartnerView.From(p, routes[p.Id]))];
    }

    public static async Task<PartnerView?> GetAsync(MeldrouteDbContext db, int id, CancellationToken cancellationToken)
    {
        var partner = await db.Partners.AsNoTracking().Include(p => p.Contacts).Include(p => p.WorkProcesses).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (partner is null)
        {
            return null;
        }

        var routes = await db.PartnerRoutes.AsNoTracking().Where(r => r.PartnerId == id).Select(r => r.Route).ToListAsync(cancellationToken);
        return PartnerView.From(partner, routes);
    }

    public static async Task<IReadOnlyList<PartnerChangeView>> ChangesAsync(MeldrouteDbContext db, int id, CancellationToken cancellationToken) =>
        [.. (await db.PartnerChanges.AsNoTracking().Where(c => c.PartnerId == id).OrderByDescending(c => c.Id).Take(50).ToListAsync(cancellationToken))
            .Select(c => new PartnerChangeView(c.ChangedAt, c.ChangedByName, c.Fields.Split(',', StringSplitOptions.RemoveEmptyEntries)))];

    public static async Task<Outcome<PartnerView>> UpdateAsync(
        MeldrouteDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer t, ClaimsPrincipal user, int id, PartnerRequest r, CancellationToken cancellationToken)
    {
        if (!await db.Partners.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return Outcome<PartnerView>.NotFound();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        TextRules.Check(errors, nameof(r.Name), r.Name, NameMax, t, required: true);
        if (r.Kind is null || !Enum.IsDefined(r.Kind.Value))
        {
            errors[nameof(r.Kind)] = [t["Partner_KindRequired"]];
        }

        var contacts = r.Contacts.Where(c => !c.IsEmpty).ToList();
        if (contacts.Count > ContactsMax)
        {
            errors[nameof(r.Contacts)] = [t["Partner_TooManyContacts", ContactsMax]];
        }

        for (var i = 0; i < r.Contacts.Count; i++)
        {
            var c = r.Contacts[i];
            if (c.IsEmpty)
            {
                continue;
            }

            var prefix = $"{nameof(r.Contacts)}[{i}].";
            TextRules.Check(errors, prefix + nameof(c.Name), c.Name, ShortMax, t, required: true);
            TextRules.Check(errors, prefix + nameof(c.Function), c.Function, ShortMax, t);
            TextRules.Check(errors, prefix + nameof(c.Availability), c.Availability, ShortMax, t);
            TextRules.Check(errors, prefix + nameof(c.Phone), c.Phone, PhoneMax, t);
            TextRules.Check(errors, prefix + nameof(c.Email), c.Email, ShortMax, t);
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
        return Outcome<PartnerView>.Ok((await GetAsync(db, id, cancellationToken))!);
    }

    private static bool IsPhone(string value) =>
        value.Trim().All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-' or '(' or ')') && value.Count(char.IsAsciiDigit) >= 3;

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim() && address.Host.Contains('.', StringComparison.Ordinal);
}
