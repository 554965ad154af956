using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Partners;

/// <summary>GetCareMap's query: a form of exploitation (required) and a route (optional: all routes when empty).</summary>
public sealed class CareMapQuery
{
    public string? Form { get; set; }

    public string? Route { get; set; }
}

public sealed record CareMapPartner(int Id, string Name, PartnerKind Kind, bool IsDefault, IReadOnlyList<PartnerContactView> Contacts);

public sealed record CareMapRoute(Route Route, IReadOnlyList<CareMapPartner> Partners);

public sealed record CareMapView(ExploitationForms Form, Route? Route, IReadOnlyList<CareMapRoute> Routes);

/// <summary>
/// The care map (zorgkaart) of the plan: for a form of exploitation and a route, whom to contact, with contact persons.
/// Built from the same partner registry and route rules as the case table's suggestions (<see cref="RouteSuggestions"/>).
/// </summary>
public static class CareMap
{
    public static readonly IReadOnlyList<ExploitationForms> Forms = [ExploitationForms.Sexual, ExploitationForms.Labour, ExploitationForms.Criminal, ExploitationForms.Unknown];

    /// <summary>The routes that lead to a partner (not "no further action").</summary>
    public static readonly IReadOnlyList<Route> Routes = [.. Enum.GetValues<Route>().Where(r => r != Signals.Route.NoFurtherAction)];

    public static async Task<Outcome<CareMapView>> GetAsync(MeldrouteDbContext db, IStringLocalizer t, CareMapQuery query, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        ExploitationForms form = default;
        if (string.IsNullOrWhiteSpace(query.Form))
        {
            errors[nameof(query.Form)] = [t["CareMap_FormRequired"]];
        }
        else if (!Enum.TryParse(query.Form, ignoreCase: true, out form) || !Forms.Contains(form) || int.TryParse(query.Form, out _))
        {
            errors[nameof(query.Form)] = [t["CareMap_FormUnknown"]];
        }

        Route? route = null;
        if (!string.IsNullOrWhiteSpace(query.Route))
        {
            if (Enum.TryParse<Route>(query.Route, ignoreCase: true, out var parsed) && Routes.Contains(parsed) && !int.TryParse(query.Route, out _))
            {
                route = parsed;
            }
            else
            {
                errors[nameof(query.Route)] = [t["CareMap_RouteUnknown"]];
            }
        }

        if (errors.Count > 0)
        {
            return Outcome<CareMapView>.Invalid(errors);
        }

        var registryRows = await (from r in db.PartnerRoutes.AsNoTracking()
                                  join p in db.Partners.AsNoTracking() on r.PartnerId equals p.Id
                                  where p.ArchivedAt == null
                                  select new { p.Id, p.Name, p.Forms, p.Kind, r.Route, r.IsDefault }).ToListAsync(cancellationToken);
        var registry = registryRows.Select(r => new RegistryPartner(r.Id, r.Name, r.Forms, r.Route, r.IsDefault)).ToList();
        var kinds = registryRows.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First().Kind);
        var contacts = (await db.PartnerContacts.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(cancellationToken))
            .ToLookup(c => c.PartnerId, c => new PartnerContactView(c.Name, c.Function, c.Phone, c.Email, c.Availability));

        var routes = route is { } only ? [only] : Routes;
        var result = routes.Select(r => new CareMapRoute(r, [.. RouteSuggestions.PartnersFor(r, form, registry)
                .Select(p => new CareMapPartner(p.Id, p.Name, kinds[p.Id], p.IsDefault, [.. contacts[p.Id]]))]))
            .Where(r => r.Partners.Count > 0 || route is not null)
            .ToList();
        return Outcome<CareMapView>.Ok(new CareMapView(form, route, result));
    }

    /// <summary>The care map as a Word document (DOCX), for print and for partners without access to Meldroute.</summary>
    public static byte[] ToDocx(CareMapView map, IStringLocalizer t, string municipality)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            body.Append(Heading(t["CareMap_DocTitle", t["Form_" + map.Form]], 32));
            body.Append(Line(t["CareMap_DocIntro", municipality]));
            foreach (var route in map.Routes)
            {
                body.Append(Heading(t["Route_" + route.Route], 28));
                if (route.Partners.Count == 0)
                {
                    body.Append(Line(t["CareMap_NoPartners"]));
                }

                foreach (var partner in route.Partners)
                {
                    body.Append(Heading(partner.IsDefault ? partner.Name + " — " + t["CareMap_FirstContact"] : partner.Name, 24));
                    if (partner.Contacts.Count == 0)
                    {
                        body.Append(Line(t["CareMap_NoContacts"]));
                    }

                    foreach (var c in partner.Contacts)
                    {
                        var parts = new[] { c.Name, c.Function, c.Phone, c.Email, c.Availability }.Where(s => !string.IsNullOrWhiteSpace(s));
                        body.Append(Line(string.Join(" · ", parts)));
                    }
                }
            }

            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Heading(string text, int halfPoints) =>
        new(new Run(new RunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }), new Text(text)));

    private static Paragraph Line(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
}
