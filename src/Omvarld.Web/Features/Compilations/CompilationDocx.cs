using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Localization;
using Omvarld.Web.Features.Reference;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Omvarld.Web.Features.Compilations;

/// <summary>
/// The compilation as a Word document a secretariat drops into KS's agenda: a title page (report title, municipality or
/// unit, year, date), the document's title and language (sv-SE) as properties, a table of contents (a TOC field Word
/// fills on opening), the scope in the header and "Sida N av M" in the footer (PAGE and NUMPAGES fields), chapters and
/// sections as Heading 1 and Heading 2, each chart and the world map as a PNG with its text alternative (wp:docPr
/// descr), and tables whose header row repeats on every page: what, this year, the year before, the change.
/// </summary>
public static class CompilationDocx
{
    private const long EmuPerTwip = 635;
    private const int PageWidth = 11906, PageHeight = 16838, Margin = 1134, TextWidth = PageWidth - 2 * Margin;

    public static byte[] Render(Compilation c, IStringLocalizer l, ReferenceData reference)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var title = l["Compilation_ReportTitle", c.Year].Value;
            doc.PackageProperties.Title = $"{title}: {c.Scope}";
            doc.PackageProperties.Subject = l["Compilation_ReportSubtitle"].Value;
            doc.PackageProperties.Creator = c.MunicipalityName;
            doc.PackageProperties.Language = "sv-SE";
            doc.PackageProperties.Created = c.MadeAt.UtcDateTime;

            var main = doc.AddMainDocumentPart();
            var body = new W.Body();
            main.Document = new W.Document(body);
            AddStyles(main);
            // Word fills the table of contents and the page fields when the document is opened.
            main.AddNewPart<DocumentSettingsPart>().Settings = new W.Settings(new W.UpdateFieldsOnOpen { Val = true },
                new W.ThemeFontLanguages { Val = "sv-SE" });
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new W.Header(Paragraph($"{c.Scope} · {l["Compilation_ReportSubtitle"].Value} {c.Year}", "Header"));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new W.Footer(PageNumbers(l));

            // Title page.
            body.Append(Paragraph(title, "Title"));
            body.Append(Paragraph(l["Compilation_ReportSubtitle"], "Subtitle"));
            body.Append(Paragraph(c.Scope, "Subtitle"));
            body.Append(Paragraph(l["Compilation_ReportDate", Omvarld.Web.Features.Shared.Format.Date(c.MadeAt.UtcDateTime)], null));
            body.Append(Paragraph(l["Compilation_ReportPeriod", c.Year, c.PreviousYear], null));
            body.Append(PageBreak());

            // Contents.
            body.Append(Paragraph(l["Compilation_Contents"], "TOCHeading"));
            // Every heading, with the bookmark the contents' page references point to.
            var headings = new List<(string Text, int Level)>();
            string? chapter = null;
            foreach (var s in c.Sections)
            {
                if (s.Chapter != chapter) headings.Add((l["Compilation_Chapter_" + (chapter = s.Chapter)], 1));
                headings.Add((s.Title, 2));
            }
            foreach (var p in Toc(headings)) body.Append(p);
            body.Append(PageBreak());

            var images = 0u;
            var heading = 0;
            chapter = null;
            foreach (var s in c.Sections)
            {
                if (s.Chapter != chapter)
                {
                    chapter = s.Chapter;
                    body.Append(Bookmarked(Paragraph(l["Compilation_Chapter_" + chapter], "Heading1"), heading++));
                }
                body.Append(Bookmarked(Paragraph(s.Title, "Heading2"), heading++));
                if (s.Basis is { } basis) body.Append(Paragraph(basis.Text, "Basis"));
                foreach (var text in s.Paragraphs) body.Append(Paragraph(text, null));
                ChartImage? chart = s.Chart switch
                {
                    CompilationChart.Bars => CompilationCharts.Bars(s, c, l, ChartFormat.Png),
                    CompilationChart.Map => CompilationCharts.WorldMap(c, reference, l, ChartFormat.Png),
                    _ => null,
                };
                if (chart is not null)
                {
                    body.Append(Image(main, chart, ++images, s.Title));
                    body.Append(Paragraph(l["Compilation_Figure", s.Title], "Caption"));
                }
                if (s.Rows.Count == 0 && s.Items.Count == 0 && s.Notes.Count == 0 && s.Paragraphs.Count == 0) body.Append(Paragraph(l["Compilation_Empty"], null));
                if (s.Rows.Count > 0)
                {
                    var rows = new List<string[]>
                    {
                        s.Compared
                            ? [l["Compilation_ColLabel"].Value, c.Year.ToString(CultureInfo.InvariantCulture), c.PreviousYear.ToString(CultureInfo.InvariantCulture), l["Compilation_ColChange"].Value]
                            : [l["Compilation_ColLabel"].Value, l["Compilation_ColNow"].Value],
                    };
                    rows.AddRange(s.Rows.Select(r => s.Compared
                        ? new[] { r.Label, CompilationExport.Figure(r.Value, s.Measure), CompilationExport.Figure(r.Previous, s.Measure), CompilationExport.Change(r.Value, r.Previous, s.Measure) }
                        : [r.Label, CompilationExport.Figure(r.Value, s.Measure)]));
                    body.Append(Table(rows, s.Compared ? [4638, 1700, 1700, 1600] : [7638, 2000], numeric: true));
                }
                if (s.Items.Count > 0)
                {
                    var items = new List<string[]> { new[] { l["Compilation_ColActivity"].Value, l["Compilation_ColUnit"].Value, l["Compilation_ColPeriod"].Value, l["Compilation_ColNote"].Value } };
                    items.AddRange(s.Items.Select(i => new[] { i.Title, i.Unit, CompilationExport.Period(i), i.Note ?? "" }));
                    body.Append(Paragraph("", null));
                    body.Append(Table(items, [2700, 1900, 1900, 3138], numeric: false));
                }
                if (s.Notes.Count > 0)
                {
                    body.Append(Paragraph(s.NotesHeading ?? l["Compilation_Notes"], null, bold: true));
                    foreach (var note in s.Notes)
                    {
                        if (!note.Text.Contains('\n'))
                        {
                            body.Append(Paragraph($"{note.Subject}: {note.Text}" + (note.WrittenBy.Length > 0 ? $" ({note.WrittenBy})" : ""), null));
                            continue;
                        }
                        // A text of several paragraphs (a unit's account): the subject as its own line, each paragraph below it.
                        body.Append(Paragraph(note.Subject, "NoteSubject", bold: true));
                        foreach (var paragraph in note.Text.Replace("\r", "").Split("\n\n")) body.Append(Paragraph(paragraph, "NoteText"));
                        if (note.WrittenBy.Length > 0) body.Append(Paragraph(note.WrittenBy, "Basis"));
                    }
                }
            }
            body.Append(Paragraph(l["Compilation_MadeAt", Omvarld.Web.Features.Shared.Format.DateTime(c.MadeAt)], null));
            body.Append(new W.SectionProperties(
                new W.HeaderReference { Type = W.HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new W.FooterReference { Type = W.HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new W.PageSize { Width = PageWidth, Height = PageHeight },
                new W.PageMargin { Top = Margin, Bottom = Margin, Left = Margin, Right = Margin, Header = 567, Footer = 567, Gutter = 0 },
                // The title page has no header or footer.
                new W.TitlePage()));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        W.Style Para(string id, string name, int halfPoints, bool bold = false, int? outline = null, string? colour = null, bool italic = false,
            int before = 0, int after = 120, bool keepNext = false, int indent = 0)
        {
            var pPr = new W.StyleParagraphProperties();
            if (keepNext) pPr.Append(new W.KeepNext());
            pPr.Append(new W.SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = after.ToString(CultureInfo.InvariantCulture) });
            if (indent > 0) pPr.Append(new W.Indentation { Left = indent.ToString(CultureInfo.InvariantCulture) });
            if (outline is { } o) pPr.Append(new W.OutlineLevel { Val = o });
            var rPr = new W.StyleRunProperties();
            if (bold) rPr.Append(new W.Bold());
            if (italic) rPr.Append(new W.Italic());
            if (colour is not null) rPr.Append(new W.Color { Val = colour });
            rPr.Append(new W.FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
            return new W.Style(new W.StyleName { Val = name }, new W.BasedOn { Val = "Normal" }, new W.NextParagraphStyle { Val = "Normal" },
                new W.PrimaryStyle(), pPr, rPr) { Type = W.StyleValues.Paragraph, StyleId = id };
        }
        styles.Styles = new W.Styles(
            new W.DocDefaults(
                new W.RunPropertiesDefault(new W.RunPropertiesBaseStyle(
                    new W.RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" }, new W.FontSize { Val = "22" }, new W.Languages { Val = "sv-SE" })),
                new W.ParagraphPropertiesDefault(new W.ParagraphPropertiesBaseStyle(new W.SpacingBetweenLines { After = "120", Line = "264", LineRule = W.LineSpacingRuleValues.Auto }))),
            new W.Style(new W.StyleName { Val = "Normal" }, new W.PrimaryStyle()) { Type = W.StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Para("Title", "Title", 52, bold: true, colour: "1F5F8B", before: 2400, after: 240),
            Para("Subtitle", "Subtitle", 30, colour: "404040", after: 200),
            Para("Heading1", "heading 1", 32, bold: true, outline: 0, colour: "1F5F8B", before: 360, after: 160, keepNext: true),
            Para("Heading2", "heading 2", 26, bold: true, outline: 1, before: 280, after: 120, keepNext: true),
            Para("TOCHeading", "TOC Heading", 32, bold: true, colour: "1F5F8B", after: 200),
            Para("TOC1", "toc 1", 22, bold: true, before: 120, after: 40),
            Para("TOC2", "toc 2", 22, after: 40, indent: 240),
            Para("Caption", "caption", 18, italic: true, colour: "404040", after: 200),
            Para("Basis", "Basis", 20, italic: true, colour: "404040", keepNext: true),
            Para("NoteSubject", "Note subject", 22, bold: true, before: 200, after: 60, keepNext: true),
            Para("NoteText", "Note text", 22, after: 100, indent: 284),
            Para("Header", "header", 18, colour: "404040", after: 0),
            Para("Footer", "footer", 18, colour: "404040", after: 0));
    }

    private static W.Paragraph Paragraph(string text, string? style, bool bold = false)
    {
        var p = new W.Paragraph();
        if (style is not null) p.Append(new W.ParagraphProperties(new W.ParagraphStyleId { Val = style }));
        foreach (var run in Runs(text, bold)) p.Append(run);
        return p;
    }

    /// <summary>A text as runs, a line break (w:br) for each "\n": Word shows a newline inside w:t as a space.</summary>
    private static IEnumerable<W.Run> Runs(string text, bool bold)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var run = new W.Run();
            if (bold) run.Append(new W.RunProperties(new W.Bold()));
            if (i > 0) run.Append(new W.Break());
            run.Append(new W.Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            yield return run;
        }
    }

    private static W.Paragraph PageBreak() => new(new W.Run(new W.Break { Type = W.BreakValues.Page }));

    /// <summary>A complex field: begin, instruction, separate, the text shown until Word updates it, end.</summary>
    private static IEnumerable<OpenXmlElement> Field(string instruction, string shown) =>
    [
        new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Begin }),
        new W.Run(new W.FieldCode($" {instruction} ") { Space = SpaceProcessingModeValues.Preserve }),
        new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Separate }),
        new W.Run(new W.Text(shown) { Space = SpaceProcessingModeValues.Preserve }),
        new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.End }),
    ];

    /// <summary>
    /// The table of contents as a TOC field whose result is already filled in — each heading with a PAGEREF to its
    /// bookmark — so that a reader that does not update fields on opening (LibreOffice) still shows the contents; Word
    /// updates it on opening (w:updateFields).
    /// </summary>
    private static List<W.Paragraph> Toc(List<(string Text, int Level)> headings)
    {
        var paragraphs = new List<W.Paragraph>();
        for (var i = 0; i < headings.Count; i++)
        {
            var (text, level) = headings[i];
            var p = new W.Paragraph(new W.ParagraphProperties(new W.ParagraphStyleId { Val = level == 1 ? "TOC1" : "TOC2" },
                new W.Tabs(new W.TabStop { Val = W.TabStopValues.Right, Leader = W.TabStopLeaderCharValues.Dot, Position = TextWidth })));
            if (i == 0)
            {
                p.Append(new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Begin }));
                p.Append(new W.Run(new W.FieldCode(" TOC \\o \"1-2\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }));
                p.Append(new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.Separate }));
            }
            p.Append(new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }), new W.Run(new W.TabChar()));
            p.Append(Field($"PAGEREF {BookmarkName(i)} \\h", ""));
            if (i == headings.Count - 1) p.Append(new W.Run(new W.FieldChar { FieldCharType = W.FieldCharValues.End }));
            paragraphs.Add(p);
        }
        return paragraphs;
    }

    private static string BookmarkName(int n) => $"_Toc{n + 1:D6}";

    private static W.Paragraph Bookmarked(W.Paragraph p, int n)
    {
        var id = (n + 1).ToString(CultureInfo.InvariantCulture);
        p.InsertAfter(new W.BookmarkStart { Id = id, Name = BookmarkName(n) }, p.ParagraphProperties);
        p.Append(new W.BookmarkEnd { Id = id });
        return p;
    }

    /// <summary>"Sida {PAGE} av {NUMPAGES}", centred, from the localised "Sida {0} av {1}".</summary>
    private static W.Paragraph PageNumbers(IStringLocalizer l)
    {
        var p = new W.Paragraph(new W.ParagraphProperties(new W.ParagraphStyleId { Val = "Footer" }, new W.Justification { Val = W.JustificationValues.Center }));
        var pattern = l["Compilation_PageOf", "\u0001", "\u0002"].Value;
        foreach (var piece in System.Text.RegularExpressions.Regex.Split(pattern, "([\u0001\u0002])"))
        {
            if (piece == "\u0001") p.Append(Field("PAGE", "1"));
            else if (piece == "\u0002") p.Append(Field("NUMPAGES", "1"));
            else if (piece.Length > 0) p.Append(new W.Run(new W.Text(piece) { Space = SpaceProcessingModeValues.Preserve }));
        }
        return p;
    }

    private static W.Table Table(List<string[]> rows, int[] widths, bool numeric)
    {
        var border = () => new W.TableBorders(
            new W.TopBorder { Val = W.BorderValues.Single, Size = 4, Color = "A0A0A0" }, new W.BottomBorder { Val = W.BorderValues.Single, Size = 4, Color = "A0A0A0" },
            new W.LeftBorder { Val = W.BorderValues.Single, Size = 4, Color = "A0A0A0" }, new W.RightBorder { Val = W.BorderValues.Single, Size = 4, Color = "A0A0A0" },
            new W.InsideHorizontalBorder { Val = W.BorderValues.Single, Size = 4, Color = "A0A0A0" }, new W.InsideVerticalBorder { Val = W.BorderValues.Single, Size = 4, Color = "A0A0A0" });
        var table = new W.Table(new W.TableProperties(border(),
                new W.TableWidth { Type = W.TableWidthUnitValues.Dxa, Width = widths.Sum().ToString(CultureInfo.InvariantCulture) },
                new W.TableLayout { Type = W.TableLayoutValues.Fixed },
                new W.TableCellMarginDefault(new W.TopMargin { Width = "40", Type = W.TableWidthUnitValues.Dxa }, new W.BottomMargin { Width = "40", Type = W.TableWidthUnitValues.Dxa })),
            new W.TableGrid(widths.Select(w => new W.GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        for (var r = 0; r < rows.Count; r++)
        {
            var tr = new W.TableRow();
            // The first row is the header, repeated on every page; no row is split across pages.
            tr.Append(r == 0 ? new W.TableRowProperties(new W.TableHeader(), new W.CantSplit()) : new W.TableRowProperties(new W.CantSplit()));
            for (var c = 0; c < rows[r].Length; c++)
            {
                var p = new W.Paragraph(new W.ParagraphProperties(new W.SpacingBetweenLines { After = "0" }));
                foreach (var run in Runs(rows[r][c], r == 0)) p.Append(run);
                if (c > 0 && numeric) p.ParagraphProperties!.Append(new W.Justification { Val = W.JustificationValues.Right });
                var tcPr = new W.TableCellProperties(new W.TableCellWidth { Type = W.TableWidthUnitValues.Dxa, Width = widths[c].ToString(CultureInfo.InvariantCulture) });
                if (r == 0) tcPr.Append(new W.Shading { Val = W.ShadingPatternValues.Clear, Fill = "DCE6EF", Color = "auto" });
                tr.Append(new W.TableCell(tcPr, p));
            }
            table.Append(tr);
        }
        return table;
    }

    /// <summary>An inline PNG the width of the text (or its own, if narrower), with its text alternative as the drawing's description.</summary>
    private static W.Paragraph Image(MainDocumentPart main, ChartImage chart, uint id, string name)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var png = new MemoryStream(chart.Png)) part.FeedData(png);
        var relationship = main.GetIdOfPart(part);
        var cx = TextWidth * EmuPerTwip;
        var cy = (long)(cx * (double)chart.Height / chart.Width);
        var graphic = new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = $"chart{id}.png", Description = chart.Alt },
                        new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" });
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = name, Description = chart.Alt },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            graphic)
        { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U };
        return new W.Paragraph(new W.ParagraphProperties(new W.KeepNext()), new W.Run(new W.Drawing(inline)));
    }
}
