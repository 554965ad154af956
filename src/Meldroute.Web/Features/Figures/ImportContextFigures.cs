using System.Globalization;
using Meldroute.Web.Features.Audit;
using Meldroute.Web.Features.Shared;
using Meldroute.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using nietras.SeparatedValues;

namespace Meldroute.Web.Features.Figures;

/// <summary>ImportContextFigures' answer: how many figures were imported.</summary>
public sealed record ContextImported(int Rows);

/// <summary>
/// ImportContextFigures: the policy advisor replaces the context figures with a CSV in the layout of the plan's
/// figures.csv (source, area, year, form, measure, value, note). The whole file is checked first; one bad line
/// refuses the import with the line number, and nothing changes.
/// </summary>
public static class ImportContextFigures
{
    public static readonly string[] Columns = ["source", "area", "year", "form", "measure", "value", "note"];
    private static readonly string[] Forms = ["all", "sexual", "labour", "criminal"];

    public static async Task<Outcome<int>> HandleAsync(MeldrouteDbContext db, AuditTrail audit, IStringLocalizer t, string? csv, CancellationToken cancellationToken)
    {
        var parsed = Parse(csv, t);
        if (parsed.Error is { } error)
        {
            return Outcome<int>.Invalid("File", error);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ContextFigures.ExecuteDeleteAsync(cancellationToken);
        db.ContextFigures.AddRange(parsed.Figures);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("figures.context.imported", AuditOutcome.Success, "context-figures", null, $"rows={parsed.Figures.Count}"), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome<int>.Ok(parsed.Figures.Count);
    }

    private static (List<ContextFigure> Figures, string? Error) Parse(string? csv, IStringLocalizer t)
    {
        if (string.IsNullOrWhiteSpace(csv) || csv.Length > 1_000_000)
        {
            return ([], t["Context_FileRequired"]);
        }

        var figures = new List<ContextFigure>();
        try
        {
            using var reader = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true }).FromText(csv.TrimStart('\uFEFF'));
            var missing = Columns.Where(c => !reader.Header.ColNames.Contains(c, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                return ([], t["Context_ColumnsMissing", string.Join(", ", missing)]);
            }

            var line = 1;
            foreach (var row in reader)
            {
                line++;
                var year = row["year"].ToString().Trim();
                var form = row["form"].ToString().Trim().ToLowerInvariant();
                var text = new[] { row["source"].ToString().Trim(), row["area"].ToString().Trim(), row["measure"].ToString().Trim() };
                if (text.Any(v => v.Length is 0 or > 300 || v.Any(char.IsControl))
                    || (year.Length > 0 && !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    || !Forms.Contains(form, StringComparer.Ordinal)
                    || !long.TryParse(row["value"].ToString().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    return ([], t["Context_BadLine", line]);
                }

                var note = row["note"].ToString().Trim();
                figures.Add(new ContextFigure
                {
                    Source = text[0], Area = text[1], Measure = text[2], Form = form, Value = value,
                    Year = year.Length > 0 ? int.Parse(year, CultureInfo.InvariantCulture) : null,
                    Note = note.Length == 0 ? null : note[..Math.Min(note.Length, 500)],
                });
            }
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return ([], t["Context_NotCsv"]);
        }

        return figures.Count == 0 ? ([], t["Context_FileRequired"]) : (figures, null);
    }
}
