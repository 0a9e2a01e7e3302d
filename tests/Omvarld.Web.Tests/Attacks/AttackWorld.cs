namespace Omvarld.Web.Tests.Attacks;

/// <summary>The rows the attacks aim at, by what a route segment, a parameter or a property name says they are.</summary>
public sealed class AttackWorld(AttackDatabase data, AttackWorld.Spares spares, string ownSlug, string otherSlug, Guid otherMunicipality) : IAttackWorld
{
    /// <summary>Throwaway rows of the caller's municipality that the attacks may change without harming the run.</summary>
    public sealed record Spares(Guid Municipality, Guid Unit, Guid User, Guid Activity, Guid Editor, string FeedToken);

    // Route segments, parameter names and property names (lower case, without "id") → the table they name.
    private static readonly (string[] Names, string Table)[] Kinds =
    [
        (["activities", "aktiviteter", "activity"], "Activities"),
        (["units", "enheter", "unit", "chosen-units", "ownunit", "ownerunit", "parentunit", "parent"], "Units"),
        (["partners", "partner"], "Partners"),
        (["versions", "versioner", "policyversion", "version", "replaces"], "PolicyVersions"),
        (["priorities", "prioriteringar", "priority"], "Priorities"),
        (["action-plans", "handlingsplaner", "plan", "actionplan"], "ActionPlans"),
        (["memberships", "medlemskap", "membership"], "Memberships"),
        (["twin-towns", "vanorter", "twintown"], "TwinTowns"),
        (["contact-persons", "kontaktpersoner", "contactperson"], "ContactPersons"),
        (["competence", "entry"], "CompetenceEntries"),
        (["judgements", "judgement"], "ManualJudgements"),
        (["changes", "change"], "AssessmentChanges"),
        (["exceptions", "undantag", "exception"], "PreconditionExceptions"),
        (["files", "filer", "file", "attachments", "attachment"], "StoredFiles"),
        (["funding", "line", "fundingline"], "FundingLines"),
        (["trips", "trip"], "Trips"),
        (["links", "link"], "ActivityLink"),
        (["roles", "assignment"], "RoleAssignments"),
        (["tokens", "token"], "ApiTokens"),
        (["users", "anvandare", "user", "responsibleuser", "deputy", "deputyuser", "person", "representative", "contact"], "AspNetUsers"),
    ];

    private static string? TableOf(string name)
    {
        var n = name.ToLowerInvariant();
        if (n.EndsWith("ids")) n = n[..^3];
        else if (n.EndsWith("id") && n.Length > 2) n = n[..^2];
        foreach (var (names, table) in Kinds)
            if (names.Contains(n)) return table;
        foreach (var (names, table) in Kinds)
            if (names.Any(x => x.Length > 3 && n.EndsWith(x))) return table;
        return null;
    }

    private string? Table(string name) =>
        TableOf(name) is { } t ? data.Own.Keys.FirstOrDefault(k => k == t || k == t + "s" || k.TrimEnd('s') == t.TrimEnd('s')) : null;

    /// <summary>The segment before "{id}", or the parameter's own name ("lineId").</summary>
    private static string KindName(string route, string name)
    {
        if (name != "id") return name;
        var segments = route.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindIndex(segments, s => s.StartsWith("{id"));
        return at > 0 ? segments[at - 1] : name;
    }

    public string RouteValue(string route, string name)
    {
        switch (name)
        {
            case "kommun": return ownSlug;
            case "alpha2": return "SE";
            case "year": return "2025";
            case "token": return spares.FeedToken;
            case "format": return "csv";
            case "code": return "404";
            case "documentName": return "v1";
            case "assignmentId": return Guid.Empty.ToString();
        }
        var kind = KindName(route, name);
        if (kind is "municipalities" or "kommuner") return spares.Municipality.ToString();
        if (kind is "tokens") return Guid.Empty.ToString();
        return Table(kind) switch
        {
            "AspNetUsers" => spares.User.ToString(),
            "Units" => spares.Unit.ToString(),
            "Activities" => spares.Activity.ToString(),
            { } t when data.Own.TryGetValue(t, out var ids) && ids.Count > 0 => ids[0].ToString(),
            _ => Guid.Empty.ToString(),
        };
    }

    public string? ForeignRouteValue(string route, string name)
    {
        if (name == "kommun") return otherSlug;
        if (name is "alpha2" or "year" or "token" or "format" or "code" or "documentName") return null;
        var kind = KindName(route, name);
        if (kind is "municipalities" or "kommuner") return otherMunicipality.ToString();
        return Table(kind) is { } t && data.Other.TryGetValue(t, out var ids) && ids.Count > 0 ? ids[^1].ToString() : AnyForeign();
    }

    public string? OwnId(string name)
    {
        var n = name.ToLowerInvariant();
        if (n.Contains("municipality")) return null;
        return Table(name) switch
        {
            "AspNetUsers" => spares.Editor.ToString(),
            "Activities" => spares.Activity.ToString(),
            { } t when data.Own.TryGetValue(t, out var ids) && ids.Count > 0 => ids[0].ToString(),
            _ => null,
        };
    }

    public string ForeignId(string name) =>
        name.Contains("municipality", StringComparison.OrdinalIgnoreCase) ? otherMunicipality.ToString()
        : Table(name) is { } t && data.Other.TryGetValue(t, out var ids) && ids.Count > 0 ? ids[^1].ToString()
        : AnyForeign();

    private string AnyForeign() =>
        data.Other.TryGetValue("Activities", out var ids) && ids.Count > 0 ? ids[0].ToString() : otherMunicipality.ToString();
}
