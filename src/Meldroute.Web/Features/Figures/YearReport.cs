using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.Extensions.Localization;

namespace Meldroute.Web.Features.Figures;

/// <summary>
/// GetYearReport: the year's figures as a Word document for the council and the 2027 evaluation — every table of the
/// figures page for that year (suppressed exactly as published), the comparison with the baseline year, the lead
/// times and the context figures. Real heading styles and table header rows, so that the document is navigable with
/// a screen reader. Written with the Open XML SDK.
/// </summary>
public static class YearReport
{
    public static async Task<byte[]> CreateAsync(MeldrouteDbContext db, int year, FiguresOptions options, DateTimeOffset now, string municipality, IStringLocalizer t, CancellationToken cancellationToken)
    {
        var figures = await GetFigures.HandleAsync(db, new FigureFilter { Year = year }, exact: false, options, now, t, cancellationToken);
        var context = await ContextFigures.ListAsync(db, cancellationToken);

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            body.Append(Heading(1, t["Report_Title", year, municipality]));
            body.Append(Paragraph(t["Report_Intro", year, figures.Threshold]));

            body.Append(Heading(2, t["Figures_BaselineTitle", figures.BaselineYear]));
            body.Append(Paragraph(t["Figures_BaselineExplain", figures.BaselineYear]));
            var baseline = figures.Baseline.Single();
            var baselineCount = ExportFigures.Display(baseline.InternalSignals, figures.Threshold);
            body.Append(Paragraph(t["Report_Baseline", year, baselineCount]));

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

            body.Append(Paragraph(t["Report_Made", now.ToString("d", CultureInfo.CurrentCulture)]));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

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
            HeadingStyle(2, "28"));
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
