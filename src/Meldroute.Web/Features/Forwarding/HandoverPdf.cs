using System.Globalization;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Microsoft.Extensions.Localization;
using static Meldroute.Web.Features.Shared.PdfSheet;

namespace Meldroute.Web.Features.Forwarding;

/// <summary>
/// The hand-over sheet of one route as a PDF (<see cref="PdfSheet"/>), for a partner to download or print: the same
/// fields, labels and order as _HandoverSheet.cshtml, on A4 pages with a confidentiality footer. A character the PDF
/// cannot show becomes '?' and the sheet says that the hand-over sheet in Meldroute shows it exactly.
/// </summary>
public static class HandoverPdf
{
    public static byte[] Render(HandoverSheet sheet, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(t);
        // The metadata holds only the reference, which is not personal data, and no author.
        return PdfSheet.Render(Blocks(sheet, t), t["Handover_Title"].Value + " " + sheet.Reference, t["Handover_PdfFooter"].Value, sheet.Reference, t["Handover_PdfUnshownCharacters"].Value);
    }

    /// <summary>The sheet's content in the order and with the labels of _HandoverSheet.cshtml (and its page's title).</summary>
    private static IEnumerable<Block> Blocks(HandoverSheet s, IStringLocalizer t)
    {
        var culture = CultureInfo.CurrentCulture;
        yield return new Block(Kind.Title, null, t["Handover_Title"].Value + " " + s.Reference);
        yield return new Block(Kind.Paragraph, null, t["Handover_Confidential"].Value);
        yield return Block.Row(t["Handover_From"].Value, s.Municipality);
        yield return Block.Row(t["Handover_Route"].Value, t["Route_" + s.Route].Value);
        yield return Block.Row(t["Handover_Recipient"].Value, s.RecipientName);
        yield return Block.Row(t["Handover_Categories"].Value, string.Join(", ", HandoverRules.Split(s.Categories).Select(c => t["HandoverData_" + c].Value)));
        yield return Block.Row(t["Handover_Forms"].Value, string.Join(", ", Enum.GetValues<ExploitationForms>().Where(f => f != ExploitationForms.None && s.Forms.HasFlag(f)).Select(f => t["Form_" + f].Value)));
        yield return Block.Row(t["Handover_Indicators"].Value, string.Join(", ", s.IndicatorCodes));
        yield return Block.Row(t["Handover_Location"].Value, t["Location_" + s.LocationType].Value + (s.LocationDetail is null ? "" : " · " + s.LocationDetail));
        yield return Block.Row(t["Handover_ObservedOn"].Value, s.ObservedOn?.ToString("d", culture) ?? "—");
        if (s.IndividualCaseMeetingRequested)
        {
            yield return Block.Row(t["Routes_Ico"].Value, t["Handover_IcoRequested"].Value);
        }
        if (s.Summary is not null)
        {
            yield return Block.Row(t["Handover_Summary"].Value, s.Summary);
        }
        if (s.ReporterWords is not null)
        {
            yield return Block.Row(t["Handover_Description"].Value, s.ReporterWords);
        }
        yield return new Block(Kind.Heading, null, t["Intake_PeopleLegend"].Value);
        if (s.People.Count == 0)
        {
            yield return new Block(Kind.Paragraph, null, t["Handover_NoPeople"].Value);
        }
        foreach (var p in s.People)
        {
            yield return Block.Gap;
            yield return Block.Row(t["PersonRole_" + p.Role].Value, p.Name ?? "");
            yield return Block.Row(t["Person_Age"].Value, (p.Age ?? "—") + " · " + t["Person_Minor"].Value + ": " + t["Minor_" + p.Minor].Value);
            yield return Block.Row(t["Person_Nationality"].Value, (p.Nationality ?? "—") + " · " + t["Person_Language"].Value + ": " + (p.Language ?? "—"));
            yield return Block.Row(t["Person_Contact"].Value, p.Contact ?? "—");
        }
        yield return Block.Gap;
        yield return new Block(Kind.Paragraph, null, t["Handover_PreparedAt"].Value + ": " + s.PreparedAt.ToLocalTime().ToString("g", culture));
    }
}
