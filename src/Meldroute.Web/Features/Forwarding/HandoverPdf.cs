using System.Globalization;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Forwarding;

/// <summary>
/// The hand-over sheet of one route as a PDF (<see cref="SheetPdf"/>), for a partner to download or print: the same
/// fields, labels and order as _HandoverSheet.cshtml, with a confidentiality footer.
/// </summary>
public static class HandoverPdf
{
    public static byte[] Render(HandoverSheet sheet, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(t);
        // The document's title is only the reference, which is not personal data.
        return SheetPdf.Render(Blocks(sheet, t), t["Handover_Title"].Value + " " + sheet.Reference, t["Handover_PdfUnshownCharacters"].Value, t["Handover_PdfFooter"].Value, sheet.Reference);
    }

    /// <summary>The sheet's content in the order and with the labels of _HandoverSheet.cshtml (and its page's title).</summary>
    private static IEnumerable<SheetBlock> Blocks(HandoverSheet s, IStringLocalizer t)
    {
        var culture = CultureInfo.CurrentCulture;
        yield return SheetBlock.Title(t["Handover_Title"].Value + " " + s.Reference);
        yield return SheetBlock.Paragraph(t["Handover_Confidential"].Value);
        yield return SheetBlock.Row(t["Handover_From"].Value, s.Municipality);
        yield return SheetBlock.Row(t["Handover_Route"].Value, t["Route_" + s.Route].Value);
        yield return SheetBlock.Row(t["Handover_Recipient"].Value, s.RecipientName);
        yield return SheetBlock.Row(t["Handover_Categories"].Value, string.Join(", ", s.Categories.Select(c => t["HandoverData_" + c].Value)));
        yield return SheetBlock.Row(t["Handover_Forms"].Value, string.Join(", ", s.Forms.Select(f => t["Form_" + f].Value)));
        yield return SheetBlock.Row(t["Handover_Indicators"].Value, string.Join(", ", s.IndicatorCodes));
        yield return SheetBlock.Row(t["Handover_Location"].Value, t["Location_" + s.LocationType].Value + (s.LocationDetail is null ? "" : " · " + s.LocationDetail));
        yield return SheetBlock.Row(t["Handover_ObservedOn"].Value, s.ObservedOn?.ToString("d", culture) ?? "—");
        if (s.IndividualCaseMeetingRequested)
        {
            yield return SheetBlock.Row(t["Routes_Ico"].Value, t["Handover_IcoRequested"].Value);
        }
        if (s.Summary is not null)
        {
            yield return SheetBlock.Row(t["Handover_Summary"].Value, s.Summary);
        }
        if (s.ReporterWords is not null)
        {
            yield return SheetBlock.Row(t["Handover_Description"].Value, s.ReporterWords);
        }
        yield return SheetBlock.Heading(t["Intake_PeopleLegend"].Value);
        if (s.People.Count == 0)
        {
            yield return SheetBlock.Paragraph(t["Handover_NoPeople"].Value);
        }
        foreach (var p in s.People)
        {
            yield return SheetBlock.Gap;
            yield return SheetBlock.Row(t["PersonRole_" + p.Role].Value, p.Name ?? "");
            yield return SheetBlock.Row(t["Person_Age"].Value, (p.Age ?? "—") + " · " + t["Person_Minor"].Value + ": " + t["Minor_" + p.Minor].Value);
            yield return SheetBlock.Row(t["Person_Nationality"].Value, (p.Nationality ?? "—") + " · " + t["Person_Language"].Value + ": " + (p.Language ?? "—"));
            yield return SheetBlock.Row(t["Person_Contact"].Value, p.Contact ?? "—");
        }
        yield return SheetBlock.Gap;
        yield return SheetBlock.Paragraph(t["Handover_PreparedAt"].Value + ": " + s.PreparedAt.ToLocalTime().ToString("g", culture));
    }
}
