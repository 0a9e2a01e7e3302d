using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Omvarld.Web.Features.Iati;

/// <summary>
/// The IATI 2.03 activity schema (SeedData/Iati-2.03: iati-activities-schema.xsd with iati-common.xsd and xml.xsd beside
/// it), loaded and compiled once for the application's life. A compiled <see cref="XmlSchemaSet"/> is safe to share for validation.
/// </summary>
public sealed class IatiSchemas
{
    private readonly Lazy<XmlSchemaSet> _set;

    public IatiSchemas() : this(Path.Combine(AppContext.BaseDirectory, "SeedData", "Iati-2.03")) { }

    public IatiSchemas(string folder) => _set = new Lazy<XmlSchemaSet>(() => Load(folder));

    public XmlSchemaSet Set => _set.Value;

    public static XmlSchemaSet Load(string folder)
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using (var reader = XmlReader.Create(Path.Combine(folder, "iati-activities-schema.xsd"), settings))
            set.Add(null, reader);
        set.Compile();
        return set;
    }

    /// <summary>The schema errors of <paramref name="document"/> (none: valid), each with its line where known.</summary>
    public IReadOnlyList<string> Validate(XDocument document)
    {
        var errors = new List<string>();
        document.Validate(Set, (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error) errors.Add(e.Message);
        });
        return errors;
    }
}
