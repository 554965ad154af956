using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts;
using UglyToad.PdfPig.Fonts.AdobeFontMetrics;
using UglyToad.PdfPig.Fonts.Encodings;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Graphics.Operations.TextObjects;
using UglyToad.PdfPig.Graphics.Operations.TextPositioning;
using UglyToad.PdfPig.Graphics.Operations.TextShowing;
using UglyToad.PdfPig.Graphics.Operations.TextState;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Writer;

namespace Meldroute.Web.Features.Shared;

/// <summary>
/// A printable sheet as a PDF: blocks of text (a title, notes, paragraphs, headings, label and value rows) laid out top
/// to bottom on A4 pages, with a footer on every page. Helvetica (a Standard 14 font) needs no font files on the
/// server. The hand-over sheet (<see cref="Forwarding.HandoverPdf"/>) and the case table's minutes
/// (<see cref="CaseTable.MinutesPdf"/>) are made with it.
/// </summary>
/// <remarks>
/// Text is written in WinAnsiEncoding (Windows-1252: Dutch, English, German, French and the other Western European
/// letters, €, curly quotes, dashes). PdfPig 0.1.16 declares its Standard 14 fonts with StandardEncoding, which has no
/// accented letters at all (no ë, ö, ü: "zorgcoördinatie" would fail) and its AddText silently draws some Latin-1
/// letters as other glyphs (é as Ø). So the font is declared WinAnsiEncoding instead (<see cref="WinAnsiFonts"/>) and
/// text is shown with the builder's own content-stream operations, measured with the same Adobe font metrics that the
/// builder's MeasureText uses.
/// A character WinAnsiEncoding cannot show (Polish Ł, Cyrillic, Greek, Chinese, emoji) becomes '?' and the sheet then
/// says, at the top, that some characters could not be shown and where they are shown exactly. A name is evidence:
/// transliterating it (Ł to L, Cyrillic to Latin) would print a different name that looks right, where a visible '?'
/// plus the note sends the reader to the exact text.
/// </remarks>
public static class PdfSheet
{
    private const double Margin = 56.7; // 2 cm
    private const double LabelWidth = 150;
    private const double ColumnGap = 12;
    private const double BodySize = 10;
    private const double TitleSize = 16;
    private const double HeadingSize = 13;
    private const double FooterSize = 8;
    private const double Leading = 1.4;

    public enum Kind { Title, Note, Paragraph, Heading, Row, Gap }

    /// <summary>One block of the sheet: a row has a label beside its text; the other kinds only text.</summary>
    public sealed record Block(Kind Kind, string? Label, string Text)
    {
        public static Block Row(string label, string value) => new(Kind.Row, label, value);

        public static Block Heading(string text) => new(Kind.Heading, null, text);

        public static Block Paragraph(string text) => new(Kind.Paragraph, null, text);

        public static readonly Block Gap = new(Kind.Gap, null, "");
    }

    /// <param name="blocks">The content, the first block its title.</param>
    /// <param name="title">The document's title in its metadata, which can be read without opening the pages (file managers, mail previews): nothing personal.</param>
    /// <param name="footer">The footer's format: {0} <paramref name="footerText"/>, {1} the page's number, {2} the number of pages.</param>
    /// <param name="unshownCharacters">The note put right under the title when a character could not be shown.</param>
    public static byte[] Render(IEnumerable<Block> blocks, string title, string footer, string footerText, string unshownCharacters)
    {
        var lossy = false;
        var printed = blocks.Select(b => new Block(b.Kind, b.Label is null ? null : Print(b.Label), Print(b.Text))).ToList();
        if (lossy)
        {
            // Right under the title, so it is read before the names it concerns.
            printed.Insert(1, new Block(Kind.Note, null, Printable(unshownCharacters, out _)));
        }

        using var output = new MemoryStream();
        using var builder = new PdfDocumentBuilder(output, false, PdfWriterType.Default, 1.7, new WinAnsiFonts());
        builder.DocumentInformation.Title = Printable(title, out _);
        builder.DocumentInformation.Producer = "Meldroute";
        var layout = new Layout(builder);
        foreach (var block in printed)
        {
            layout.Add(block);
        }
        layout.Footers(Printable(footer, out _), Printable(footerText, out _));
        return builder.Build();

        string Print(string text)
        {
            var printable = Printable(text, out var replaced);
            lossy |= replaced;
            return printable;
        }
    }

    /// <summary>WinAnsiEncoding's code for each character it can show in Helvetica and Helvetica-Bold.</summary>
    private static readonly Dictionary<char, byte> Codes = BuildCodes();

    private static Dictionary<char, byte> BuildCodes()
    {
        // Codes 7F, 81, 8D, 8F, 90 and 9D are undefined in WinAnsiEncoding (PdfPig maps them to a bullet); 95 is the bullet.
        // In ascending order the space and hyphen get 20 and 2D rather than their duplicates A0 and AD.
        byte[] undefined = [0x7F, 0x81, 0x8D, 0x8F, 0x90, 0x9D];
        var regular = Standard14.GetAdobeFontMetrics(Standard14Font.Helvetica);
        var bold = Standard14.GetAdobeFontMetrics(Standard14Font.HelveticaBold);
        var codes = new Dictionary<char, byte>();
        foreach (var (code, name) in WinAnsiEncoding.Instance.CodeToNameMap.OrderBy(e => e.Key))
        {
            var unicode = GlyphList.AdobeGlyphList.NameToUnicode(name);
            if (code is >= 0x20 and <= 0xFF && !undefined.Contains((byte)code) && unicode is { Length: 1 }
                && regular.CharacterMetrics.ContainsKey(name) && bold.CharacterMetrics.ContainsKey(name))
            {
                codes.TryAdd(unicode[0], (byte)code);
            }
        }
        return codes;
    }

    /// <summary>
    /// The text as the font can show it: composed (NFC, so e + combining acute is é, which is the same text); line
    /// breaks as '\n'; other spaces as a space and invisible control and format characters left out, as a browser
    /// shows them; any other character the font lacks as '?', and then <paramref name="lossy"/>.
    /// </summary>
    private static string Printable(string text, out bool lossy)
    {
        lossy = false;
        var result = new StringBuilder(text.Length);
        foreach (var rune in text.Replace("\r\n", "\n", StringComparison.Ordinal).Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (rune.Value is '\n' or '\r' || category is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                result.Append('\n');
            }
            else if (rune.Value == '\t' || category == UnicodeCategory.SpaceSeparator)
            {
                result.Append(' ');
            }
            else if (category is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                continue; // invisible on the HTML page too
            }
            else if (rune.IsBmp && Codes.ContainsKey((char)rune.Value))
            {
                result.Append((char)rune.Value);
            }
            else
            {
                result.Append('?');
                lossy = true;
            }
        }
        return result.ToString();
    }

    /// <summary>
    /// Declares PdfPig's Standard 14 fonts with WinAnsiEncoding instead of StandardEncoding. The builder writes the name
    /// StandardEncoding nowhere else; the byte offsets of the cross-reference table are taken after writing, so a
    /// longer or shorter name is safe.
    /// </summary>
    private sealed class WinAnsiFonts : TokenWriter
    {
        protected override void WriteName(NameToken name, Stream outputStream) =>
            base.WriteName(name.Equals(NameToken.StandardEncoding) ? NameToken.WinAnsiEncoding : name, outputStream);
    }

    /// <summary>A Standard 14 font on the builder, with its metrics for measuring and its resource name on each page.</summary>
    private sealed class Face(PdfDocumentBuilder builder, Standard14Font font)
    {
        private readonly AdobeFontMetrics metrics = Standard14.GetAdobeFontMetrics(font);
        private readonly PdfDocumentBuilder.AddedFont added = builder.AddStandard14Font(font);
        private readonly Dictionary<int, NameToken> names = [];

        /// <summary>The width of printable text (see <see cref="Printable"/>) in points.</summary>
        public double Width(string text, double size)
        {
            double width = 0;
            foreach (var c in text)
            {
                width += Advance(c);
            }
            return width * size / 1000;
        }

        public double Advance(char c) => metrics.CharacterMetrics[WinAnsiEncoding.Instance.GetName(Codes[c])].Width.X;

        public void Show(PdfPageBuilder page, string text, double size, double x, double y)
        {
            if (!names.TryGetValue(page.PageNumber, out var name))
            {
                // The builder gives a font its resource name on a page at its first AddText; an empty text draws nothing.
                page.AddText("", size, new PdfPoint(x, y), added);
                name = page.CurrentStream.Operations.OfType<SetFontAndSize>().Last().Font;
                names[page.PageNumber] = name;
            }
            var codes = new byte[text.Length];
            for (var i = 0; i < text.Length; i++)
            {
                codes[i] = Codes[text[i]];
            }
            var operations = page.CurrentStream.Operations;
            operations.Add(BeginText.Value);
            operations.Add(new SetFontAndSize(name, size));
            operations.Add(new MoveToNextLineWithOffset(x, y));
            operations.Add(new ShowText(codes));
            operations.Add(EndText.Value);
        }
    }

    /// <summary>Lays blocks out top to bottom, starting a new page whenever the next line does not fit.</summary>
    private sealed class Layout
    {
        private readonly PdfDocumentBuilder builder;
        private readonly Face regular;
        private readonly Face bold;
        private PdfPageBuilder page;
        private double top;

        public Layout(PdfDocumentBuilder builder)
        {
            this.builder = builder;
            regular = new Face(builder, Standard14Font.Helvetica);
            bold = new Face(builder, Standard14Font.HelveticaBold);
            page = builder.AddPage(PageSize.A4);
            top = page.PageSize.Height - Margin;
        }

        private double Right => page.PageSize.Width - Margin;

        private double Bottom => Margin;

        private void NewPage()
        {
            page = builder.AddPage(PageSize.A4);
            top = page.PageSize.Height - Margin;
        }

        public void Add(Block block)
        {
            var width = Right - Margin;
            switch (block.Kind)
            {
                case Kind.Title:
                    Lines(bold, TitleSize, Margin, width, block.Text);
                    top -= BodySize;
                    break;
                case Kind.Note:
                    Lines(bold, BodySize, Margin, width, block.Text);
                    top -= BodySize / 2;
                    break;
                case Kind.Paragraph:
                    Lines(regular, BodySize, Margin, width, block.Text);
                    top -= BodySize / 2;
                    break;
                case Kind.Heading:
                    top -= HeadingSize / 2;
                    // A heading is not left alone at the foot of a page.
                    Room((HeadingSize + 2 * BodySize) * Leading);
                    Lines(bold, HeadingSize, Margin, width, block.Text);
                    break;
                case Kind.Gap:
                    top -= BodySize / 2;
                    break;
                case Kind.Row:
                    Row(block.Label ?? "", block.Text);
                    break;
            }
        }

        /// <summary>A label and its value side by side, line by line, so that a long value flows onto the next pages.</summary>
        private void Row(string label, string value)
        {
            var valueX = Margin + LabelWidth + ColumnGap;
            var labels = Wrap(label, bold, BodySize, LabelWidth);
            var values = Wrap(value, regular, BodySize, Right - valueX);
            var height = BodySize * Leading;
            for (var i = 0; i < Math.Max(labels.Count, values.Count); i++)
            {
                Room(height);
                var baseline = top - BodySize;
                if (i < labels.Count)
                {
                    bold.Show(page, labels[i], BodySize, Margin, baseline);
                }
                if (i < values.Count && values[i].Length > 0)
                {
                    regular.Show(page, values[i], BodySize, valueX, baseline);
                }
                top -= height;
            }
            top -= BodySize / 3;
        }

        private void Lines(Face face, double size, double x, double width, string text)
        {
            foreach (var line in Wrap(text, face, size, width))
            {
                Room(size * Leading);
                if (line.Length > 0)
                {
                    face.Show(page, line, size, x, top - size);
                }
                top -= size * Leading;
            }
        }

        private void Room(double height)
        {
            if (top - height < Bottom)
            {
                NewPage();
            }
        }

        /// <summary>The footer ("Vertrouwelijk · reference · pagina n van m") at the foot of every page, once the number of pages is known.</summary>
        public void Footers(string format, string reference)
        {
            var count = builder.Pages.Count;
            foreach (var (number, footed) in builder.Pages.OrderBy(p => p.Key))
            {
                footed.DrawLine(new PdfPoint(Margin, Margin - 12), new PdfPoint(footed.PageSize.Width - Margin, Margin - 12), 0.5);
                regular.Show(footed, string.Format(CultureInfo.CurrentCulture, format, reference, number, count), FooterSize, Margin, Margin - 12 - FooterSize * Leading);
            }
        }

        /// <summary>
        /// Breaks printable text into lines no wider than <paramref name="width"/>: at spaces, and inside a word only
        /// when the word alone is wider than a line. Line breaks in the text are kept, as the HTML page keeps them.
        /// </summary>
        private static List<string> Wrap(string text, Face face, double size, double width)
        {
            var lines = new List<string>();
            var space = face.Width(" ", size);
            foreach (var paragraph in text.Split('\n'))
            {
                var line = new StringBuilder();
                double lineWidth = 0;
                foreach (var word in paragraph.Split(' '))
                {
                    var wordWidth = face.Width(word, size);
                    if (line.Length > 0 && lineWidth + space + wordWidth <= width)
                    {
                        line.Append(' ').Append(word);
                        lineWidth += space + wordWidth;
                        continue;
                    }
                    if (line.Length > 0)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                        lineWidth = 0;
                    }
                    foreach (var c in word)
                    {
                        var advance = face.Advance(c) * size / 1000;
                        if (line.Length > 0 && lineWidth + advance > width)
                        {
                            lines.Add(line.ToString());
                            line.Clear();
                            lineWidth = 0;
                        }
                        line.Append(c);
                        lineWidth += advance;
                    }
                }
                lines.Add(line.ToString());
            }
            return lines;
        }
    }
}
