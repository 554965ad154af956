using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Meldroute.Web.Features.Agenda;
using Meldroute.Web.Features.Framework;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Figures;

/// <summary>
/// GetYearReport: the evaluation document the plan foresees for 2027, as a Word document for the council — every table
/// of the figures page for that year (suppressed exactly as published, training included), the comparison with the
/// baseline year, the lead times, the context figures, the implementation agenda's progress per goal with each
/// activity's status and latest explanation, and the VNG framework checklist per theme with each block's assessment. Real heading styles and table header rows, so that the document is navigable with
/// a screen reader. Written with the Open XML SDK.
/// </summary>
public static class YearReport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string FileName(int year) => $"jaarverslag-mensenhandel-{year}.docx";

    public static async Task<byte[]> CreateAsync(MeldrouteDbContext db, int year, FiguresOptions options, TimeProvider clock, string municipality, IStringLocalizer t, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var figures = await GetFigures.HandleAsync(db, new FigureFilter { Year = year }, exact: false, options, now, t, cancellationToken);
        var context = await ListContextFigures.HandleAsync(db, cancellationToken);
        var agenda = (await ListAgendaActivities.HandleAsync(db, clock, t, new AgendaQuery { Year = year }, cancellationToken, all: true)).Value!.Activities;
        var framework = (await GetFrameworkChecklist.HandleAsync(db, t, level: null, cancellationToken)).Value!;

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            body.Append(Heading(1, t["Report_Title", year, municipality]));
            body.Append(Paragraph(t["Report_Intro", year, figures.Threshold]));
            foreach (var (symbol, meaning) in ExportFigures.Legend(figures, t))
            {
                body.Append(Paragraph(symbol + ": " + meaning));
            }

            body.Append(Heading(2, t["Figures_BaselineTitle", figures.BaselineYear]));
            body.Append(Paragraph(t["Figures_BaselineExplain", figures.BaselineYear]));
            body.Append(Paragraph(t["Figures_BaselineEnteredExplain", figures.BaselineYear]));
            var baseline = figures.Baseline.Single();
            var baselineCount = ExportFigures.Display(baseline.InternalSignals, figures.Threshold);
            body.Append(Paragraph(t["Report_Baseline", year, baselineCount]));
            if (baseline.Entered is { } entered)
            {
                body.Append(Paragraph(t["Report_BaselineEntered", year, ExportFigures.Display(entered, figures.Threshold)]));
            }

            foreach (var table in figures.Tables)
            {
                body.Append(Heading(2, table.Title));
                body.Append(Paragraph(table.Explanation));
                body.Append(Table(
                    [table.RowHeader, .. table.Columns],
                    table.Rows.Select(r => (IReadOnlyList<string>)[r.Label, .. r.Cells.Select(c => ExportFigures.Display(c, figures.Threshold))])));
            }

            body.Append(Heading(2, t["Figures_LeadTimes"]));
            body.Append(Paragraph(t["Figures_LeadTimesExplain"]));
            body.Append(Table(
                [t["Figures_Step"], t["Figures_Count"], t["Figures_Median"], t["Figures_P90"], t["Figures_Norm"], t["Figures_Late"]],
                figures.LeadTimes.Select(l => (IReadOnlyList<string>)[
                    l.StepLabel, ExportFigures.Display(l.Count, figures.Threshold), Days(l.MedianWorkingDays), Days(l.P90WorkingDays),
                    l.NormWorkingDays.ToString(CultureInfo.InvariantCulture), ExportFigures.Display(l.Late, figures.Threshold)])));

            if (context.Count > 0)
            {
                body.Append(Heading(2, t["Context_Title"]));
                body.Append(Paragraph(t["Context_Explain"]));
                body.Append(Table(
                    [t["Context_Source"], t["Context_Area"], t["Figures_Dim_year"], t["Figures_Dim_form"], t["Context_Measure"], t["Figures_Count"]],
                    context.Select(c => (IReadOnlyList<string>)[c.Source, c.Area, c.Year?.ToString(CultureInfo.InvariantCulture) ?? "—", t["ContextForm_" + c.Form], c.Measure, c.Value.ToString(CultureInfo.InvariantCulture)])));
            }

            AppendAgenda(body, agenda, year, t);
            AppendFramework(body, framework, t);
            body.Append(Paragraph(t["Report_Made", now.ToString("d", CultureInfo.CurrentCulture)]));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Per goal of the plan how many of the year's activities are done, running, planned, stopped or unfunded, then every activity with its latest explanation.</summary>
    private static void AppendAgenda(Body body, IReadOnlyList<AgendaActivityView> activities, int year, IStringLocalizer t)
    {
        body.Append(Heading(2, t["Report_AgendaTitle", year]));
        body.Append(Paragraph(t["Report_AgendaIntro", year, activities.Count]));
        string Count(IEnumerable<AgendaActivityView> these, AgendaStatus? status = null, bool late = false) =>
            these.Count(a => (status is null || a.Status == status) && (!late || a.IsLate)).ToString(CultureInfo.InvariantCulture);
        body.Append(Table(
            [t["Agenda_Goal"], t["Report_Activities"], t["AgendaStatus_Done"], t["AgendaStatus_Running"], t["AgendaStatus_Planned"], t["AgendaStatus_Stopped"], t["AgendaStatus_NotFunded"], t["Agenda_Late"]],
            AgendaActivityRules.Goals.Select(goal =>
            {
                var these = activities.Where(a => a.Goals.Contains(goal)).ToList();
                return (IReadOnlyList<string>)[t["Goal_" + goal], Count(these), Count(these, AgendaStatus.Done), Count(these, AgendaStatus.Running), Count(these, AgendaStatus.Planned),
                    Count(these, AgendaStatus.Stopped), Count(these, AgendaStatus.NotFunded), Count(these, late: true)];
            })));
        if (activities.Count == 0)
        {
            return;
        }

        body.Append(Heading(3, t["Report_AgendaActivities"]));
        body.Append(Table(
            [t["Agenda_Title"], t["Agenda_Goals"], t["Agenda_Level"], t["Agenda_Status"], t["Agenda_End"], t["Report_Explanation"]],
            activities.Select(a => (IReadOnlyList<string>)[
                a.Title,
                string.Join(", ", a.Goals.Select(g => t["Goal_" + g].Value)),
                a.Level.ToString(CultureInfo.InvariantCulture),
                t["AgendaStatus_" + a.Status] + (a.IsLate ? " (" + t["Agenda_Late"] + ")" : ""),
                a.PlannedEnd?.ToString("d", CultureInfo.CurrentCulture) ?? "—",
                a.Notes.FirstOrDefault()?.Text ?? "—"])));
    }

    /// <summary>The VNG framework: the score per theme and plateau against the 2026 target, then every block with its assessment and explanation.</summary>
    private static void AppendFramework(Body body, FrameworkChecklistView framework, IStringLocalizer t)
    {
        body.Append(Heading(2, t["Report_FrameworkTitle"]));
        body.Append(Paragraph(t["Framework_Intro", GetFrameworkChecklist.Plateau1Target]));
        body.Append(Table(
            [t["Framework_Theme"], t["Framework_Plateau"], t["BlockStatus_Meets"], t["BlockStatus_Partly"], t["BlockStatus_DoesNotMeet"], t["Framework_LackOfFunding"], t["Framework_NotAssessed"], t["Framework_Score"], t["Framework_Target"]],
            framework.Summary.Select(s => (IReadOnlyList<string>)[
                s.Theme, s.Plateau.ToString(CultureInfo.InvariantCulture), Number(s.Meets), Number(s.Partly), Number(s.DoesNotMeet), Number(s.LackOfFunding), Number(s.NotAssessed),
                s.Score.ToString(CultureInfo.InvariantCulture) + "%",
                s.Target is { } target ? t[s.OnTarget == true ? "Framework_OnTarget" : "Framework_BelowTarget", target] : t["Framework_NoTarget"]])));
        body.Append(Heading(3, t["Report_FrameworkBlocks"]));
        body.Append(Table(
            [t["Framework_Theme"], t["Framework_Plateau"], t["Report_Block"], t["Agenda_Status"], t["Report_Explanation"], t["Framework_Activities"]],
            framework.Blocks.Select(b => (IReadOnlyList<string>)[
                b.Theme, b.Plateau.ToString(CultureInfo.InvariantCulture), b.Name,
                (b.Status is { } status ? t["BlockStatus_" + status].Value : t["Framework_NotAssessed"].Value) + (b.LacksNationalFunding ? " (" + t["Framework_NoFundingMark"] + ")" : ""),
                b.Explanation ?? "—",
                b.Activities.Count == 0 ? "—" : string.Join("; ", b.Activities.Select(a => a.Title))])));
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Days(double? value) => value?.ToString("0.#", CultureInfo.CurrentCulture) ?? "—";

    private static Paragraph Heading(int level, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = "Heading" + level.ToString(CultureInfo.InvariantCulture) }), new Run(new Text(text)));

    private static Paragraph Paragraph(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Table Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table(new TableProperties(
            new TableStyle { Val = "TableGrid" },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        // The header row repeats on every page and tells assistive technology which cells are headers.
        var head = new TableRow(new TableRowProperties(new TableHeader()));
        foreach (var text in header)
        {
            head.Append(new TableCell(new Paragraph(new Run(new RunProperties(new Bold()), new Text(text)))));
        }

        table.Append(head);
        foreach (var row in rows)
        {
            var line = new TableRow();
            foreach (var text in row)
            {
                line.Append(new TableCell(new Paragraph(new Run(new Text(text)))));
            }

            table.Append(line);
        }

        return table;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new Style(new StyleName { Val = "Normal" }, new StyleRunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial" }, new FontSize { Val = "22" }))
            { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            HeadingStyle(1, "36"),
            HeadingStyle(2, "28"),
            HeadingStyle(3, "24"));
        styles.Styles.Save();
    }

    private static Style HeadingStyle(int level, string size) =>
        new(
            new StyleName { Val = "heading " + level.ToString(CultureInfo.InvariantCulture) },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = level - 1 }),
            new StyleRunProperties(new Bold(), new FontSize { Val = size }))
        { Type = StyleValues.Paragraph, StyleId = "Heading" + level.ToString(CultureInfo.InvariantCulture) };
}
