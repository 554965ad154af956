using nietras.SeparatedValues;

namespace Meldroute.Web.Infrastructure.Data;

/// <summary>Reads the CSV files shipped in Seed/ (started from ../shared/domain, checked against the plan) from the assembly.</summary>
internal static class SeedData
{
    /// <summary>A shipped file as it is.</summary>
    public static string Text(string fileName)
    {
        var assembly = typeof(SeedData).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("Seed." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var text = new StreamReader(stream);
        return text.ReadToEnd();
    }

    public static List<Dictionary<string, string>> Read(string fileName)
    {
        using var reader = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true }).FromText(Text(fileName));
        var columns = reader.Header.ColNames;
        var rows = new List<Dictionary<string, string>>();
        foreach (var row in reader)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var column in columns)
            {
                values[column] = row[column].ToString();
            }

            rows.Add(values);
        }

        return rows;
    }
}
