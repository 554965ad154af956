using System.Globalization;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Features.Signals;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.CaseTable;

/// <summary>
/// GetMinutes: the minutes of a meeting (besluitenlijst) as a PDF (<see cref="SheetPdf"/>), from <see cref="DecisionListView"/>:
/// date, chair, who was present, excused or absent, and per signal on the agenda its reference, forms and decided
/// routes. Nothing else: not the meeting's title (free text that may name someone), not the table's weighing, not the
/// members' contributions, not the reasons given for a route — the minutes are sent round and kept, the signal's
/// content is deleted when it is forwarded.
/// </summary>
public static class MinutesPdf
{
    public static byte[] Render(DecisionListView minutes, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        ArgumentNullException.ThrowIfNull(t);
        var date = When(minutes, "d MMMM yyyy");
        return SheetPdf.Render(Blocks(minutes, t), t["Minutes_Title", date].Value, t["Minutes_PdfUnshownCharacters"].Value, t["Minutes_PdfFooter"].Value, date);
    }

    /// <summary>The file's name: the date, never the title.</summary>
    public static string FileName(DecisionListView minutes) =>
        "besluitenlijst-" + minutes.ScheduledAt.ToLocalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".pdf";

    private static string When(DecisionListView minutes, string format) => minutes.ScheduledAt.ToLocalTime().ToString(format, CultureInfo.CurrentCulture);

    private static IEnumerable<SheetBlock> Blocks(DecisionListView m, IStringLocalizer t)
    {
        static string Names(IReadOnlyList<string> names) => names.Count == 0 ? "—" : string.Join(", ", names);
        yield return SheetBlock.Title(t["Minutes_Title", When(m, "d MMMM yyyy")].Value);
        yield return SheetBlock.Paragraph(t["Minutes_NoContent"].Value);
        yield return SheetBlock.Row(t["Meeting_When"].Value, When(m, "f") + (m.Closed ? " · " + t["Meeting_Closed"].Value : ""));
        yield return SheetBlock.Row(t["Meeting_Chair"].Value, m.Chair);
        yield return SheetBlock.Row(t["Attendance_Present"].Value, Names(m.Present));
        yield return SheetBlock.Row(t["Attendance_Excused"].Value, Names(m.Excused));
        yield return SheetBlock.Row(t["Attendance_Absent"].Value, Names(m.Absent));
        if (m.NotRecorded.Count > 0)
        {
            yield return SheetBlock.Row(t["Attendance_NotRecorded"].Value, Names(m.NotRecorded));
        }

        yield return SheetBlock.Heading(t["Decisions_Caption"].Value);
        if (m.Items.Count == 0)
        {
            yield return SheetBlock.Paragraph(t["MeetingClose_EmptyAgenda"].Value);
        }

        var number = 0;
        foreach (var item in m.Items)
        {
            yield return SheetBlock.Gap;
            yield return SheetBlock.Row(t["Minutes_Item", ++number].Value, item.Reference);
            yield return SheetBlock.Row(t["Inbox_Form"].Value, string.Join(", ", item.Forms.Select(f => t["Form_" + f].Value)));
            yield return SheetBlock.Row(t["Minutes_Decision"].Value, item.Routes.Count == 0
                ? t["Minutes_NoDecision", t["Status_" + item.Status].Value].Value
                : string.Join("\n", item.Routes.Select(r => DecisionList.Describe(r, t))));
        }
    }
}
