using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;

namespace Omvarld.Web.Features.Openness;

/// <summary>
/// DCAT-AP-SE (DIGG's profile of DCAT-AP, docs.dataportal.se) as JSON-LD, so that dataportal.se can harvest the open data.
/// Catalogue: dct:title, dct:description, dct:publisher (foaf:Agent with foaf:name), dct:license, foaf:homepage,
/// dcat:dataset. Each dataset: dct:title, dct:description, dct:publisher, dcat:contactPoint (vcard:Organization with
/// the function mailbox), dcat:distribution, dct:identifier, dcat:keyword, dcat:theme (EU data theme GOVE),
/// dct:accessRights PUBLIC, dct:issued/modified. Each distribution: dcat:accessURL, dct:format, dcat:mediaType,
/// dct:license (the JSON ones dcat:accessService). The open-data API as a dcat:DataService (dct:title, dcat:endpointURL,
/// dcat:endpointDescription = the OpenAPI document). Titles and descriptions in Swedish and English.
/// </summary>
public static class Dcat
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private const string Theme = "http://publications.europa.eu/resource/authority/data-theme/GOVE";
    private const string Public = "http://publications.europa.eu/resource/authority/access-right/PUBLIC";
    private const string Swedish = "http://publications.europa.eu/resource/authority/language/SWE";
    private const string FileType = "http://publications.europa.eu/resource/authority/file-type/";
    private const string MediaType = "https://www.iana.org/assignments/media-types/";

    private static JsonObject Context() => new()
    {
        ["dcat"] = "http://www.w3.org/ns/dcat#",
        ["dct"] = "http://purl.org/dc/terms/",
        ["foaf"] = "http://xmlns.com/foaf/0.1/",
        ["vcard"] = "http://www.w3.org/2006/vcard/ns#",
        ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
    };

    private static JsonArray Texts(string sv, string en) =>
        [new JsonObject { ["@value"] = sv, ["@language"] = "sv" }, new JsonObject { ["@value"] = en, ["@language"] = "en" }];

    private static JsonObject Id(string iri) => new() { ["@id"] = iri };

    private static JsonObject DateTime(DateTimeOffset at) => new()
    {
        ["@value"] = at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["@type"] = "xsd:dateTime",
    };

    private static JsonObject Agent(string iri, string name) => new()
    {
        ["@id"] = iri,
        ["@type"] = "foaf:Agent",
        ["foaf:name"] = new JsonArray(new JsonObject { ["@value"] = name, ["@language"] = "sv" }),
    };

    public static async Task<JsonObject> MunicipalityCatalogAsync(PublicMunicipality m, PublicQueries q, string baseUrl, IStringLocalizer l, CancellationToken ct)
    {
        var catalog = Catalog($"{baseUrl}/api/v1/public/{m.Slug}/dcat",
            Texts(l["Dcat_CatalogTitle", m.Name], $"Omvärld: international work of {m.Name}"),
            Texts(l["Dcat_CatalogDescription", m.Name], $"Open data on the international activities of {m.Name} and the municipal executive board's decisions on exceptions, published from Omvärld."),
            Agent($"{baseUrl}/oppet/{m.Slug}", m.Name), m.Licence.Uri, $"{baseUrl}/oppet/{m.Slug}");
        catalog["dcat:dataset"] = new JsonArray([.. await DatasetsAsync(m, q, baseUrl, l, ct)]);
        catalog["dcat:service"] = Services([m], baseUrl, l);
        return catalog;
    }

    /// <summary>The national catalogue: every municipality that has published something, each dataset under its own publisher and licence.</summary>
    public static async Task<JsonObject> NationalCatalogAsync(PublicQueries q, string baseUrl, IStringLocalizer l, CancellationToken ct)
    {
        var catalog = Catalog($"{baseUrl}/api/v1/public/dcat",
            Texts(l["Dcat_NationalTitle"], "Omvärld: municipalities' international work"),
            Texts(l["Dcat_NationalDescription"], "Open data on Swedish municipalities' international activities and exception decisions, published from Omvärld."),
            Agent($"{baseUrl}/oppet", "Omvärld"), LicenceInfo.Cc0.Uri, $"{baseUrl}/oppet");
        var datasets = new JsonArray();
        var municipalities = await q.PublishingMunicipalitiesAsync(ct);
        foreach (var m in municipalities)
            foreach (var d in await DatasetsAsync(m, q, baseUrl, l, ct)) datasets.Add(d);
        catalog["dcat:dataset"] = datasets;
        catalog["dcat:service"] = Services(municipalities, baseUrl, l);
        return catalog;
    }

    private static JsonObject Catalog(string iri, JsonArray title, JsonArray description, JsonObject publisher, string licence, string homepage) => new()
    {
        ["@context"] = Context(),
        ["@id"] = iri,
        ["@type"] = "dcat:Catalog",
        ["dct:title"] = title,
        ["dct:description"] = description,
        ["dct:publisher"] = publisher,
        ["dct:license"] = Id(licence),
        ["foaf:homepage"] = Id(homepage),
        ["dct:language"] = Id(Swedish),
    };

    private static async Task<List<JsonObject>> DatasetsAsync(PublicMunicipality m, PublicQueries q, string baseUrl, IStringLocalizer l, CancellationToken ct)
    {
        q.Use(m);
        var (issued, _) = await q.PublishedSinceAsync(ct);
        // The newest change of anything of the municipality's, when there is one.
        var modified = await q.LastChangedAsync(m, ct) ?? issued;
        var api = $"{baseUrl}/api/v1/public/{m.Slug}";
        var page = $"{baseUrl}/oppet/{m.Slug}";
        var activities = Dataset(m, $"{api}/activities", l["Dcat_ActivitiesTitle", m.Name], $"International activities of {m.Name}",
            l["Dcat_ActivitiesDescription", m.Name], $"The international activities {m.Name} has approved and published: kind, unit, period, partner organisations and countries, policy goals, SDGs, funding by source and reported results.",
            [l["Dcat_KeywordInternational"], l["Dcat_KeywordActivities"], "Agenda 2030", m.Name], issued, modified, page, page,
            [
                Distribution(m, $"{api}/activities", "JSON", "application/json", l["Dcat_DistributionJson"], "JSON (paged API)", service: $"{api}#service"),
                Distribution(m, $"{api}/activities.csv", "CSV", "text/csv", l["Dcat_DistributionCsv"], "CSV (all published activities)"),
                Distribution(m, $"{api}/iati.xml", "XML", "application/xml", l["Dcat_DistributionIati"], "IATI 2.03 activity file (aid and development activities)"),
            ]);
        var exceptions = Dataset(m, $"{api}/exceptions", l["Dcat_ExceptionsTitle", m.Name], $"Exception decisions of {m.Name}",
            l["Dcat_ExceptionsDescription", m.Name], $"The municipal executive board's decisions on exceptions from the partner precondition: country and city, decision date, body, case number, reasoning and validity.",
            [l["Dcat_KeywordExceptions"], l["Dcat_KeywordDecisions"], m.Name], issued, modified, page, $"{page}/undantag",
            [
                Distribution(m, $"{api}/exceptions", "JSON", "application/json", l["Dcat_DistributionJson"], "JSON", service: $"{api}#service"),
                Distribution(m, $"{api}/exceptions.csv", "CSV", "text/csv", l["Dcat_DistributionCsv"], "CSV"),
            ]);
        return [activities, exceptions];
    }

    /// <summary>
    /// The open-data API as a dcat:DataService (DCAT-AP-SE: dct:title and dcat:endpointURL mandatory), described by the
    /// OpenAPI document and serving both datasets; the JSON distributions point to it with dcat:accessService.
    /// </summary>
    private static JsonObject DataService(PublicMunicipality m, string api, string baseUrl, IStringLocalizer l) => new()
    {
        ["@id"] = $"{api}#service",
        ["@type"] = "dcat:DataService",
        ["dct:title"] = Texts(l["Dcat_ServiceTitle", m.Name], $"Open data API of {m.Name} in Omvärld"),
        ["dcat:endpointURL"] = Id(api),
        ["dcat:endpointDescription"] = Id($"{baseUrl}/openapi/v1.json"),
        ["dct:publisher"] = Agent($"{baseUrl}/oppet/{m.Slug}", m.Name),
        ["dct:license"] = Id(m.Licence.Uri),
        ["dct:accessRights"] = Id(Public),
        ["dcat:servesDataset"] = new JsonArray(Id($"{api}/activities"), Id($"{api}/exceptions")),
    };

    /// <summary>The data services of the catalogue's municipalities (dcat:service on the catalogue).</summary>
    private static JsonArray Services(IEnumerable<PublicMunicipality> municipalities, string baseUrl, IStringLocalizer l) =>
        new([.. municipalities.Select(m => (JsonNode)DataService(m, $"{baseUrl}/api/v1/public/{m.Slug}", baseUrl, l))]);

    private static JsonObject Dataset(PublicMunicipality m, string iri, string titleSv, string titleEn, string descriptionSv, string descriptionEn,
        IEnumerable<string> keywords, DateTimeOffset? issued, DateTimeOffset? modified, string publisherIri, string landingPage, IEnumerable<JsonObject> distributions)
    {
        var d = new JsonObject
        {
            ["@id"] = iri,
            ["@type"] = "dcat:Dataset",
            ["dct:title"] = Texts(titleSv, titleEn),
            ["dct:description"] = Texts(descriptionSv, descriptionEn),
            ["dct:publisher"] = Agent(publisherIri, m.Name),
            ["dct:identifier"] = iri,
            ["dcat:keyword"] = new JsonArray([.. keywords.Select(k => (JsonNode)new JsonObject { ["@value"] = k, ["@language"] = "sv" })]),
            ["dcat:theme"] = Id(Theme),
            ["dct:accessRights"] = Id(Public),
            ["dct:language"] = Id(Swedish),
            ["dcat:landingPage"] = Id(landingPage),
            ["dcat:distribution"] = new JsonArray([.. distributions]),
        };
        // The function mailbox from the settings; without one (DCAT-AP-SE expects an address) the open-data page stands in.
        var contact = new JsonObject
        {
            ["@type"] = "vcard:Organization",
            ["vcard:fn"] = m.Name,
            ["vcard:hasURL"] = Id(publisherIri + "/oppna-data"),
        };
        if (m.ContactEmail is { } email) contact["vcard:hasEmail"] = Id("mailto:" + email);
        d["dcat:contactPoint"] = contact;
        if (issued is { } i) d["dct:issued"] = DateTime(i);
        if (modified is { } mod) d["dct:modified"] = DateTime(mod);
        return d;
    }

    private static JsonObject Distribution(PublicMunicipality m, string url, string format, string mediaType, string titleSv, string titleEn, string? service = null)
    {
        var d = new JsonObject
        {
            ["@id"] = url + "#distribution",
            ["@type"] = "dcat:Distribution",
            ["dct:title"] = Texts(titleSv, titleEn),
            ["dcat:accessURL"] = Id(url),
            ["dcat:downloadURL"] = Id(url),
            ["dct:format"] = Id(FileType + format),
            ["dcat:mediaType"] = Id(MediaType + mediaType),
            ["dct:license"] = Id(m.Licence.Uri),
        };
        if (service is not null) d["dcat:accessService"] = Id(service);
        return d;
    }
}
