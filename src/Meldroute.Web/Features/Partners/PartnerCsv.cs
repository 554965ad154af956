using Meldroute.Web.Features.Signals;

namespace Meldroute.Web.Features.Partners;

/// <summary>Maps a row of partners.csv (Table 1 of the plan) to a <see cref="Partner"/>.</summary>
public static class PartnerCsv
{
    public static Partner FromRow(IReadOnlyDictionary<string, string> row, int sortOrder)
    {
        static bool Marked(IReadOnlyDictionary<string, string> r, string column) => r[column].Trim().Equals("x", StringComparison.OrdinalIgnoreCase);

        var roles = PartnerRoles.None;
        if (Marked(row, "policy")) roles |= PartnerRoles.Policy;
        if (Marked(row, "prevention")) roles |= PartnerRoles.Prevention;
        if (Marked(row, "signalling")) roles |= PartnerRoles.Signalling;
        if (Marked(row, "investigation_prosecution")) roles |= PartnerRoles.InvestigationProsecution;
        if (Marked(row, "aftercare")) roles |= PartnerRoles.Aftercare;

        var forms = ExploitationForms.None;
        if (Marked(row, "sexual")) forms |= ExploitationForms.Sexual;
        if (Marked(row, "labour")) forms |= ExploitationForms.Labour;
        if (Marked(row, "criminal")) forms |= ExploitationForms.Criminal;

        return new Partner
        {
            Name = row["name"].Trim(),
            Kind = row["kind"].Trim() switch
            {
                "internal" => PartnerKind.Internal,
                "external" => PartnerKind.External,
                "stakeholder" => PartnerKind.Stakeholder,
                var other => throw new FormatException($"Unknown partner kind '{other}'."),
            },
            Roles = roles,
            Forms = forms,
            SortOrder = sortOrder,
        };
    }
}
