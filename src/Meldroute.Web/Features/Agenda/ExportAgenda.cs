using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Agenda;

/// <summary>ExportAgenda: the implementation agenda, filtered like the list, as an Excel workbook (XLSX) for the council, written with the Open XML SDK.</summary>
public static class ExportAgenda
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Every activity that matches the filters (no paging), as a workbook.</summary>
    public static async Task<Outcome<byte[]>> HandleAsync(MeldrouteDbContext db, TimeProvider clock, IStringLocalizer t, AgendaQuery q, CancellationToken cancellationToken)
    {
        var list = await ListAgendaActivities.HandleAsync(db, clock, t, q, cancellationToken, all: true);
        return list.Kind == OutcomeKind.Ok ? Outcome<byte[]>.Ok(ToXlsx(list.Value!.Activities, t)) : Outcome<byte[]>.Invalid(list.Errors!);
    }

    public static string FileName(TimeProvider clock) => $"uitvoeringsagenda-{clock.GetUtcNow():yyyyMMdd}.xlsx";

    public static byte[] ToXlsx(IReadOnlyList<AgendaActivityView> activities, IStringLocalizer t)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = t["Agenda_SheetName"].Value }));

            data.Append(Row(
                t["Agenda_Title"], t["Agenda_Goals"], t["Partner_Forms"], t["Agenda_Owner"], t["Agenda_Partners"], t["Agenda_Level"], t["Agenda_BuildingBlocks"],
                t["Agenda_Start"], t["Agenda_End"], t["Agenda_Status"], t["Agenda_Late"], t["Agenda_LastProgress"], t["Agenda_Evidence"]));
            foreach (var a in activities)
            {
                var last = a.Notes.FirstOrDefault();
                data.Append(Row(
                    a.Title, string.Join(", ", a.Goals.Select(g => t["Goal_" + g].Value)), string.Join(", ", a.Forms.Select(f => t["Form_" + f].Value)),
                    a.OwnerDepartment ?? "", a.Partners ?? "", a.Level.ToString(CultureInfo.InvariantCulture), a.BuildingBlocks ?? "",
                    a.PlannedStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", a.PlannedEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                    t["AgendaStatus_" + a.Status], a.IsLate ? t["Network_Yes"] : t["Network_No"], last?.Text ?? "", last?.EvidenceUrl ?? ""));
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(params string[] values) =>
        new(values.Select(v => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v) { Space = SpaceProcessingModeValues.Preserve }) }));
}
