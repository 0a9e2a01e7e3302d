using System.Globalization;
using Microsoft.Extensions.Localization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Omvarld.Web.Features.Compilations;

/// <summary>
/// The compilation as PDF (PDFsharp, MIT) for KS's agenda: A4, each section a heading and a three-column table (what,
/// this year, the year before), the listed activities after it, page numbers in the footer. Text in DejaVu Sans, shipped
/// in SeedData/Fonts, through <see cref="FontResolver"/>.
/// </summary>
public static class CompilationPdf
{
    private const double Margin = 50, RowHeight = 15, Width = 595 - 2 * Margin;
    private static readonly object Gate = new();
    private static bool _fontsSet;

    public static byte[] Render(Compilation c, IStringLocalizer l)
    {
        UseShippedFonts();
        using var document = new PdfDocument();
        document.Info.Title = l["Compilation_Heading", c.Year, c.Scope];
        document.Info.Subject = c.Scope;
        var regular = new XFont(FontResolver.Family, 9, XFontStyleEx.Regular);
        var bold = new XFont(FontResolver.Family, 9, XFontStyleEx.Bold);
        var h1 = new XFont(FontResolver.Family, 16, XFontStyleEx.Bold);
        var h2 = new XFont(FontResolver.Family, 12, XFontStyleEx.Bold);

        PdfPage page = null!;
        XGraphics gfx = null!;
        double y = 0;
        void NewPage()
        {
            gfx?.Dispose();
            page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            gfx = XGraphics.FromPdfPage(page);
            y = Margin;
        }
        void Need(double height) { if (y + height > page.Height.Point - Margin - 20) NewPage(); }
        void Text(string text, XFont font, double x, double width, XStringFormat? format = null) =>
            gfx.DrawString(Fit(gfx, text, font, width), font, XBrushes.Black, new XRect(x, y, width, RowHeight), format ?? XStringFormats.TopLeft);

        NewPage();
        Text(l["Compilation_Heading", c.Year, c.Scope], h1, Margin, Width);
        y += 30;
        var year = c.Year.ToString(CultureInfo.InvariantCulture);
        var previous = c.PreviousYear.ToString(CultureInfo.InvariantCulture);
        foreach (var s in c.Sections)
        {
            Need(22 + 2 * RowHeight);
            y += 6;
            Text(s.Title, h2, Margin, Width);
            y += 20;
            double[] cols = [Width - 200, 100, 100];
            void Row(string a, string b, string d, XFont font)
            {
                Need(RowHeight);
                Text(a, font, Margin, cols[0] - 6);
                Text(b, font, Margin + cols[0], cols[1] - 4, XStringFormats.TopRight);
                Text(d, font, Margin + cols[0] + cols[1], cols[2] - 4, XStringFormats.TopRight);
                gfx.DrawLine(XPens.LightGray, Margin, y + RowHeight - 2, Margin + Width, y + RowHeight - 2);
                y += RowHeight;
            }
            Row(l["Compilation_ColLabel"], year, previous, bold);
            if (s.Rows.Count == 0) { Text(l["Compilation_Empty"], regular, Margin, Width); y += RowHeight; }
            foreach (var r in s.Rows) Row(r.Label, CompilationExport.Figure(r.Value, s.Measure), CompilationExport.Figure(r.Previous, s.Measure), regular);
            if (s.Items.Count > 0)
            {
                y += 6;
                double[] ic = [Width * 0.35, Width * 0.25, Width * 0.2, Width * 0.2];
                void ItemRow(string[] v, XFont font)
                {
                    Need(RowHeight);
                    var x = Margin;
                    for (var i = 0; i < v.Length; i++) { Text(v[i], font, x, ic[i] - 4); x += ic[i]; }
                    y += RowHeight;
                }
                ItemRow([l["Compilation_ColActivity"], l["Compilation_ColUnit"], l["Compilation_ColPeriod"], l["Compilation_ColNote"]], bold);
                foreach (var i in s.Items) ItemRow([i.Title, i.Unit, CompilationExport.Period(i), i.Note ?? ""], regular);
            }
        }
        y += 10;
        Need(RowHeight);
        Text(l["Compilation_MadeAt", c.MadeAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)], regular, Margin, Width);
        gfx.Dispose();

        for (var i = 0; i < document.PageCount; i++)
        {
            using var footer = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
            footer.DrawString($"{c.Scope} {c.Year} · {l["Compilation_PageOf", i + 1, document.PageCount]}", regular, XBrushes.Black,
                new XRect(Margin, document.Pages[i].Height.Point - Margin, Width, RowHeight), XStringFormats.TopCenter);
        }
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>Cuts a text that does not fit its column, ending it with an ellipsis (the full text is in the XLSX and DOCX).</summary>
    private static string Fit(XGraphics gfx, string text, XFont font, double width)
    {
        if (gfx.MeasureString(text, font).Width <= width) return text;
        var n = text.Length;
        while (n > 1 && gfx.MeasureString(text[..n] + "…", font).Width > width) n--;
        return text[..n] + "…";
    }

    private static void UseShippedFonts()
    {
        // PDFsharp's font resolver is process-wide and can be set only once.
        lock (Gate)
        {
            if (_fontsSet) return;
            GlobalFontSettings.FontResolver ??= new FontResolver();
            _fontsSet = true;
        }
    }

    /// <summary>Every family resolves to DejaVu Sans, regular or bold, from SeedData/Fonts.</summary>
    internal sealed class FontResolver : IFontResolver
    {
        public const string Family = "DejaVu Sans";
        private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "SeedData", "Fonts");

        public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
            new(isBold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[] GetFont(string faceName) => File.ReadAllBytes(Path.Combine(Folder, faceName + ".ttf"));
    }
}
