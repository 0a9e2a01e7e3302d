using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Omvarld.Web.Features.Compilations;

/// <summary>
/// A small PDF 1.7 writer for tagged text, lines, boxes and images: A4 pages, two embedded TrueType faces (DejaVu Sans
/// regular and bold from SeedData/Fonts, Bitstream Vera licence: redistribution allowed) as composite fonts
/// (Type0, Identity-H, glyph ids with a ToUnicode map), so that every name DejaVu has a glyph for prints — "Gmina
/// Przykładowo", "Šiauliai" — and text extracts as written. Tagged for accessibility (ISO 32000-1, 14.7–14.8): a structure tree of standard
/// elements (Document, H1, H2, P, Table, TR, TH, TD, Figure with /Alt, TOC, TOCI) whose content is marked with MCIDs,
/// the parent tree, /MarkInfo /Marked true, the document's /Lang and title (shown as the window title); what is not
/// content (page headers, footers, rules) is marked as /Artifact.
/// <para>
/// Why not a library: PDFsharp 6.2.4 (MIT; its UniversalAccessibility tags too) would do, but 6.5.0 — the newest in the
/// package source — is AGPL-3.0, a pin that every later upgrade must know to keep; and this writer is ~400 lines that
/// already embed the fonts. Measured on the Borås demo (2025, 27 sections, 16 charts and the map):
/// see Features/Compilations/README.md.
/// </para>
/// </summary>
public sealed class SimplePdf
{
    public const double PageWidth = 595.28, PageHeight = 841.89;

    /// <summary>A structure element; its kids are elements and marked content on some page.</summary>
    public sealed class Element(string type, Element? parent)
    {
        public string Type { get; } = type;
        public Element? Parent { get; } = parent;
        public string? Alt { get; set; }
        /// <summary>The table header's scope: "Column" or "Row".</summary>
        public string? Scope { get; set; }
        internal List<object> Kids { get; } = [];
        internal int Number { get; set; }
    }

    private sealed record Marked(int Page, int Mcid);
    private sealed record Image(int Width, int Height, byte[] Rgb);

    private readonly List<StringBuilder> _pages = [];
    private readonly List<List<Element>> _mcids = [];
    private readonly List<HashSet<int>> _pageImages = [];
    private readonly List<Image> _images = [];
    private static readonly Lazy<TrueTypeFace[]> Faces = new(() =>
    [
        TrueTypeFace.Load(Path.Combine(AppContext.BaseDirectory, "SeedData", "Fonts", "DejaVuSans.ttf")),
        TrueTypeFace.Load(Path.Combine(AppContext.BaseDirectory, "SeedData", "Fonts", "DejaVuSans-Bold.ttf")),
    ]);

    public string Title { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Author { get; set; } = "";
    public int PageCount => _pages.Count;

    /// <summary>The root of the structure tree.</summary>
    public Element Document { get; } = new("Document", null);

    public void AddPage()
    {
        _pages.Add(new StringBuilder());
        _mcids.Add([]);
        _pageImages.Add([]);
    }

    /// <summary>A new structure element, the last kid of <paramref name="parent"/> (the document when null).</summary>
    public Element Open(string type, Element? parent = null, string? alt = null)
    {
        var p = parent ?? Document;
        var e = new Element(type, p) { Alt = alt };
        p.Kids.Add(e);
        return e;
    }

    /// <summary>Draws on <paramref name="page"/> as content of <paramref name="element"/> (one marked-content sequence).</summary>
    public void Mark(int page, Element element, Action draw)
    {
        var mcid = _mcids[page].Count;
        _mcids[page].Add(element);
        element.Kids.Add(new Marked(page, mcid));
        _pages[page].Append(CultureInfo.InvariantCulture, $"/{element.Type} <</MCID {mcid}>> BDC\n");
        draw();
        _pages[page].Append("EMC\n");
    }

    /// <summary>Draws on <paramref name="page"/> what is not content (headers, footers, rules): skipped by assistive technology.</summary>
    public void Artifact(int page, Action draw)
    {
        _pages[page].Append("/Artifact BMC\n");
        draw();
        _pages[page].Append("EMC\n");
    }

    /// <summary>Width of <paramref name="text"/> in points.</summary>
    public static double Measure(string text, double size, bool bold)
    {
        var face = Faces.Value[bold ? 1 : 0];
        return Runes(text).Sum(r => face.Advance(face.Glyph(r))) * size / 1000.0;
    }

    /// <summary>Draws text with its baseline at <paramref name="y"/> points from the top of page <paramref name="page"/>.</summary>
    public void Text(int page, double x, double y, string text, double size, bool bold = false, double grey = 0)
    {
        var face = bold ? 1 : 0;
        var hex = new StringBuilder();
        foreach (var r in Runes(text))
        {
            var g = Faces.Value[face].Glyph(r);
            _used[face].TryAdd(g, r);
            hex.Append(g.ToString("X4", CultureInfo.InvariantCulture));
        }
        _pages[page].Append(CultureInfo.InvariantCulture, $"BT {N(grey)} g /F{face + 1} {N(size)} Tf {N(x)} {N(PageHeight - y)} Td <{hex}> Tj ET\n");
    }

    /// <summary>The glyphs used per face, with the character each stands for (the ToUnicode map).</summary>
    private readonly Dictionary<int, int>[] _used = [new(), new()];

    /// <summary>The characters of a text as code points; the minus sign as a hyphen-minus is not needed: DejaVu has U+2212.</summary>
    private static IEnumerable<int> Runes(string text) => text.EnumerateRunes().Select(r => r.Value);

    public void Line(int page, double x1, double y1, double x2, double y2, double grey = 0.75) =>
        _pages[page].Append(CultureInfo.InvariantCulture, $"{N(grey)} G 0.5 w {N(x1)} {N(PageHeight - y1)} m {N(x2)} {N(PageHeight - y2)} l S\n");

    /// <summary>A filled box, its top-left corner at (<paramref name="x"/>, <paramref name="y"/>) from the page's top-left, colour as 0–1 RGB.</summary>
    public void Box(int page, double x, double y, double width, double height, (double R, double G, double B) colour) =>
        _pages[page].Append(CultureInfo.InvariantCulture,
            $"{N(colour.R)} {N(colour.G)} {N(colour.B)} rg {N(x)} {N(PageHeight - y - height)} {N(width)} {N(height)} re f 0 g\n");

    /// <summary>An 8-bit RGB image placed with its top-left corner at (<paramref name="x"/>, <paramref name="y"/>), <paramref name="width"/> × <paramref name="height"/> points.</summary>
    public void DrawImage(int page, double x, double y, double width, double height, int pixelsWide, int pixelsHigh, byte[] rgb)
    {
        _images.Add(new Image(pixelsWide, pixelsHigh, rgb));
        var n = _images.Count;
        _pageImages[page].Add(n);
        _pages[page].Append(CultureInfo.InvariantCulture, $"q {N(width)} 0 0 {N(height)} {N(x)} {N(PageHeight - y - height)} cm /Im{n} Do Q\n");
    }

    public byte[] Save()
    {
        var faces = Faces.Value;
        var objects = new List<byte[]>();
        int Add(byte[] body) { objects.Add(body); return objects.Count; }
        byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);
        byte[] Deflated(string dict, byte[] compressed) =>
            [.. Ascii($"<< {dict} /Filter /FlateDecode /Length {compressed.Length} >>\nstream\n"), .. compressed, .. Ascii("\nendstream")];
        byte[] Stream(string dict, byte[] data) => Deflated(dict, Deflate(data, CompressionLevel.Optimal));

        // 1 catalog, 2 pages: written last, their numbers reserved now.
        objects.Add([]);
        objects.Add([]);
        var fonts = new int[2];
        for (var i = 0; i < 2; i++)
        {
            var f = faces[i];
            var file = Add(Deflated($"/Length1 {f.Data.Length}", f.Deflated));
            var name = i == 0 ? "DejaVuSans" : "DejaVuSans-Bold";
            var descriptor = Add(Ascii($"<< /Type /FontDescriptor /FontName /{name} /Flags 32 /FontBBox [{f.BBox}] /ItalicAngle 0 /Ascent {f.Ascent} /Descent {f.Descent} /CapHeight {f.Ascent} /StemV {(i == 0 ? 80 : 140)} /FontFile2 {file} 0 R >>"));
            var used = _used[i].OrderBy(kv => kv.Key).ToList();
            var widths = string.Join(' ', used.Select(kv => $"{kv.Key} [{f.Advance(kv.Key)}]"));
            var cid = Add(Ascii($"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{name} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor {descriptor} 0 R /DW 1000 /W [{widths}] /CIDToGIDMap /Identity >>"));
            var cmap = new StringBuilder("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n");
            foreach (var chunk in used.Chunk(100))
            {
                cmap.Append(CultureInfo.InvariantCulture, $"{chunk.Length} beginbfchar\n");
                foreach (var (glyph, rune) in chunk)
                    cmap.Append(CultureInfo.InvariantCulture, $"<{glyph:X4}> <{Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(char.ConvertFromUtf32(rune)))}>\n");
                cmap.Append("endbfchar\n");
            }
            cmap.Append("endcmap CMapName currentdict /CMap defineresource pop end end");
            var toUnicode = Add(Stream("", Encoding.ASCII.GetBytes(cmap.ToString())));
            fonts[i] = Add(Ascii($"<< /Type /Font /Subtype /Type0 /BaseFont /{name} /Encoding /Identity-H /DescendantFonts [{cid} 0 R] /ToUnicode {toUnicode} 0 R >>"));
        }
        // Charts are large flat areas of few colours: the fastest deflate level keeps them nearly as small, in a fraction of the time.
        var images = _images.Select(im => Add(Deflated($"/Type /XObject /Subtype /Image /Width {im.Width} /Height {im.Height} /ColorSpace /DeviceRGB /BitsPerComponent 8",
            Deflate(im.Rgb, CompressionLevel.Fastest)))).ToList();
        // Page objects are numbered before they are written, so that marked content can name its page.
        var first = objects.Count + 1;
        var pageNumbers = Enumerable.Range(0, _pages.Count).Select(i => first + 2 * i + 1).ToList();
        for (var i = 0; i < _pages.Count; i++)
        {
            Add(Stream("", Encoding.Latin1.GetBytes(_pages[i].ToString())));
            var xobjects = _pageImages[i].Count == 0 ? "" : $" /XObject << {string.Join(' ', _pageImages[i].Order().Select(n => $"/Im{n} {images[n - 1]} 0 R"))} >>";
            Add(Ascii($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {N(PageWidth)} {N(PageHeight)}] /Resources << /Font << /F1 {fonts[0]} 0 R /F2 {fonts[1]} 0 R >>{xobjects} >> /Contents {pageNumbers[i] - 1} 0 R /StructParents {i} /Tabs /S >>"));
        }

        // The structure tree: number every element first (the root, then depth first), then write them.
        var root = objects.Count + 1;
        var all = new List<Element>();
        void Walk(Element e) { all.Add(e); foreach (var k in e.Kids.OfType<Element>()) Walk(k); }
        Walk(Document);
        for (var i = 0; i < all.Count; i++) all[i].Number = root + 1 + i;
        var parentTree = root + 1 + all.Count;
        objects.Add([]);
        foreach (var e in all)
        {
            var kids = string.Join(' ', e.Kids.Select(k => k is Element child ? $"{child.Number} 0 R" : $"<< /Type /MCR /Pg {pageNumbers[((Marked)k).Page]} 0 R /MCID {((Marked)k).Mcid} >>"));
            var attributes = e.Scope is null ? "" : $" /A << /O /Table /Scope /{e.Scope} >>";
            var alt = e.Alt is null ? "" : " /Alt " + Encoding.ASCII.GetString(PdfText(e.Alt));
            Add(Ascii($"<< /Type /StructElem /S /{e.Type} /P {(e.Parent is { } p ? p.Number : root)} 0 R /K [{kids}]{attributes}{alt} >>"));
        }
        var nums = string.Join(' ', _mcids.Select((list, i) => $"{i} [{string.Join(' ', list.Select(e => $"{e.Number} 0 R"))}]"));
        Add(Ascii($"<< /Nums [{nums}] >>"));
        objects[root - 1] = Ascii($"<< /Type /StructTreeRoot /K [{Document.Number} 0 R] /ParentTree {parentTree} 0 R /ParentTreeNextKey {_pages.Count} >>");

        var info = Add([.. Ascii("<< /Title "), .. PdfText(Title), .. Ascii(" /Subject "), .. PdfText(Subject), .. Ascii(" /Author "), .. PdfText(Author),
            .. Ascii(" /Producer (Omvarld) >>")]);
        objects[0] = Ascii($"<< /Type /Catalog /Pages 2 0 R /Lang (sv-SE) /MarkInfo << /Marked true >> /StructTreeRoot {root} 0 R /ViewerPreferences << /DisplayDocTitle true >> >>");
        objects[1] = Ascii($"<< /Type /Pages /Kids [{string.Join(' ', pageNumbers.Select(k => $"{k} 0 R"))}] /Count {pageNumbers.Count} >>");

        using var output = new MemoryStream();
        void Write(byte[] bytes) => output.Write(bytes);
        Write([.. Ascii("%PDF-1.7\n%"), 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);
        var offsets = new long[objects.Count];
        for (var i = 0; i < objects.Count; i++)
        {
            offsets[i] = output.Position;
            Write(Ascii($"{i + 1} 0 obj\n"));
            Write(objects[i]);
            Write(Ascii("\nendobj\n"));
        }
        var xref = output.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) table.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        Write(Ascii(table.ToString()));
        return output.ToArray();
    }

    /// <summary>A text string for the document information: UTF-16BE with its byte-order mark, as hex.</summary>
    private static byte[] PdfText(string s) =>
        Encoding.ASCII.GetBytes("<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(s)) + ">");

    private static byte[] Deflate(byte[] data, CompressionLevel level)
    {
        using var output = new MemoryStream();
        using (var z = new ZLibStream(output, level)) z.Write(data);
        return output.ToArray();
    }

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>What the PDF needs of a TrueType file: its bytes, each character's glyph, each glyph's advance width (per 1000 em), box and ascent.</summary>
    private sealed class TrueTypeFace(byte[] data, Dictionary<int, int> glyphs, int[] advances, string bbox, int ascent, int descent)
    {
        public byte[] Data { get; } = data;

        /// <summary>The font file deflated, once per process: the faces are loaded once (<c>Faces</c>), and the same bytes go into every PDF.</summary>
        public byte[] Deflated => _deflated ??= Deflate(Data, CompressionLevel.Optimal);
        private byte[]? _deflated;

        public string BBox { get; } = bbox;
        public int Ascent { get; } = ascent;
        public int Descent { get; } = descent;

        /// <summary>The glyph of a character; 0 (.notdef) where the face has none.</summary>
        public int Glyph(int rune) => glyphs.GetValueOrDefault(rune);

        public int Advance(int glyph) => advances[Math.Min(glyph, advances.Length - 1)];

        public static TrueTypeFace Load(string path)
        {
            var d = File.ReadAllBytes(path);
            ushort U16(int o) => BinaryPrimitives.ReadUInt16BigEndian(d.AsSpan(o));
            short S16(int o) => BinaryPrimitives.ReadInt16BigEndian(d.AsSpan(o));
            uint U32(int o) => BinaryPrimitives.ReadUInt32BigEndian(d.AsSpan(o));
            var tables = new Dictionary<string, int>();
            for (var i = 0; i < U16(4); i++)
                tables[Encoding.ASCII.GetString(d, 12 + 16 * i, 4)] = (int)U32(12 + 16 * i + 8);
            var head = tables["head"];
            var em = U16(head + 18);
            int Scale(int v) => (int)Math.Round(v * 1000.0 / em);
            var bbox = $"{Scale(S16(head + 36))} {Scale(S16(head + 38))} {Scale(S16(head + 40))} {Scale(S16(head + 42))}";
            var hhea = tables["hhea"];
            var metrics = U16(hhea + 34);
            var hmtx = tables["hmtx"];
            var advances = Enumerable.Range(0, metrics).Select(g => Scale(U16(hmtx + 4 * g))).ToArray();
            // cmap: the Windows Unicode BMP subtable (3, 1), format 4, read whole into a map.
            var cmap = tables["cmap"];
            var sub = -1;
            for (var i = 0; i < U16(cmap + 2); i++)
                if (U16(cmap + 4 + 8 * i) == 3 && U16(cmap + 6 + 8 * i) == 1) sub = cmap + (int)U32(cmap + 8 + 8 * i);
            if (sub < 0 || U16(sub) != 4) throw new InvalidDataException($"{path}: no Unicode cmap of format 4.");
            var segments = U16(sub + 6) / 2;
            var glyphs = new Dictionary<int, int>();
            for (var s = 0; s < segments; s++)
            {
                var end = U16(sub + 14 + 2 * s);
                var start = U16(sub + 16 + 2 * segments + 2 * s);
                var delta = S16(sub + 16 + 4 * segments + 2 * s);
                var rangeAt = sub + 16 + 6 * segments + 2 * s;
                var range = U16(rangeAt);
                for (var c = start; c <= end && c != 0xFFFF; c++)
                {
                    var g = range == 0 ? (c + delta) & 0xFFFF : U16(rangeAt + range + 2 * (c - start)) is var raw && raw != 0 ? (raw + delta) & 0xFFFF : 0;
                    if (g != 0) glyphs[c] = g;
                }
            }
            return new(d, glyphs, advances, bbox, Scale(S16(hhea + 4)), Scale(S16(hhea + 6)));
        }
    }
}
