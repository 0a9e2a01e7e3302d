using System.Globalization;
using System.Text.RegularExpressions;
using Omvarld.Domain.Policies;
using Omvarld.Domain.Policies.Checks;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using Omvarld.Web.Infrastructure;

namespace Omvarld.Web.Features.Policies;

/// <summary>One thing wrong with a policy file: the line (1-based), the YAML path (<c>version.goals[2].code</c>) and a Swedish message.</summary>
public sealed record PolicyFileError(int Line, string Field, string Message);

/// <summary>
/// Reads a policy file (<c>omvarld-policy/1</c>, see SeedData/Policies/README.md) into a <see cref="PolicyDefinition"/>,
/// collecting every error with its line and field. Nothing is half-read: any error and the definition is null.
/// </summary>
public static partial class PolicyFileReader
{
    public static (PolicyDefinition? Definition, IReadOnlyList<PolicyFileError> Errors) Read(Stream stream)
    {
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        return Read(reader);
    }

    public static (PolicyDefinition? Definition, IReadOnlyList<PolicyFileError> Errors) Read(TextReader text)
    {
        var yaml = new YamlStream();
        var parser = new Parser(text);
        try
        {
            yaml.Load(parser);
        }
        catch (YamlException e)
        {
            return (null, [new PolicyFileError(LineOf(e.Start), "", Sv.Syntax(e))]);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18.1's scanner throws this instead of a YamlException on some broken input (an unclosed
            // flow list, e.g. "title: [Testpolicy"): report it on the last line the parser understood.
            return (null, [new PolicyFileError(parser.Current is { } last ? LineOf(last.End) : 1, "", Sv.SyntaxNear)]);
        }

        if (yaml.Documents.Count == 0) return (null, [new PolicyFileError(1, "", Sv.EmptyFile)]);
        if (yaml.Documents.Count > 1)
            return (null, [new PolicyFileError(LineOf(yaml.Documents[1].RootNode.Start), "", Sv.SeveralDocuments)]);
        if (yaml.Documents[0].RootNode is not YamlMappingNode root)
            return (null, [new PolicyFileError(LineOf(yaml.Documents[0].RootNode.Start), "", Sv.RootNotMapping)]);

        var file = new FileReader();
        var definition = file.ReadPolicy(root);
        return file.Errors.Count == 0 ? (definition, []) : (null, file.Errors.OrderBy(e => e.Line).ToList());
    }

    private static int LineOf(Mark mark) => (int)mark.Line;

    [GeneratedRegex("^[A-Z0-9-]+$")]
    private static partial Regex KeyPattern();

    // The format README: ASCII UPPER_SNAKE_CASE starting with a letter (å→A, ä→A, ö→O).
    [GeneratedRegex("^[A-Z][A-Z0-9_]*$")]
    private static partial Regex GoalCodePattern();

    /// <summary>One read of one file; collects the errors as it goes.</summary>
    private sealed class FileReader
    {
        public List<PolicyFileError> Errors { get; } = [];

        private void Error(YamlNode node, string field, string message) => Errors.Add(new(LineOf(node.Start), field, message));

        public PolicyDefinition? ReadPolicy(YamlMappingNode root)
        {
            AllowOnly(root, "", "format", "key", "document", "version", "activityKinds", "definitions", "text");

            if (Text(root, "", "format") is { } format && format != PolicyCodes.Format)
                Error(Node(root, "format")!, "format", Sv.WrongFormat(format));
            var key = Key(root, "", "key");
            var document = Map(root, "", "document") is { } d ? ReadDocument(d) : null;
            var version = Map(root, "", "version") is { } v ? ReadVersion(v) : null;
            var activityKinds = List(root, "", "activityKinds", required: false, (item, path) =>
            {
                if (!IsMap(item, path, out var map)) return null;
                AllowOnly(map, path, "name", "clause");
                var name = Text(map, path, "name");
                var clause = Text(map, path, "clause");
                return name is null || clause is null ? null : new ActivityKindDefinition(name, clause);
            });
            var definitions = List(root, "", "definitions", required: false, (item, path) =>
            {
                if (!IsMap(item, path, out var map)) return null;
                AllowOnly(map, path, "term", "clause");
                var term = Text(map, path, "term");
                var clause = Text(map, path, "clause");
                return term is null || clause is null ? null : new TermDefinition(term, clause);
            });
            // The format: text may be null where the version's text is not known; such a version has no rules.
            var text = NullableText(root, "", "text");
            if (text is null && Node(root, "text") is { } textNode && version is not null && (version.Goals.Count > 0 || version.Checks.Count > 0))
                Error(textNode, "text", Sv.UnknownTextHasRules);
            if (text is not null && version is { Goals.Count: 0 })
                Error(Node(Node(root, "version") as YamlMappingNode ?? root, "goals") ?? root, "version.goals", Sv.NoGoals);

            if (Errors.Count > 0) return null;
            return new PolicyDefinition(key!, document!, version!, Present(activityKinds), Present(definitions), text);
        }

        // Only called once there are no errors: every item was read.
        private static List<T> Present<T>(List<T?>? items) where T : class => items?.Select(i => i!).ToList() ?? [];

        private DocumentDefinition? ReadDocument(YamlMappingNode map)
        {
            const string path = "document";
            AllowOnly(map, path, "key", "title", "kind", "kindGroup", "kindMeaning", "municipality");
            var key = Key(map, path, "key");
            var title = Text(map, path, "title");
            var kind = Code(map, path, "kind", PolicyCodes.DocumentKinds, Sv.UnknownDocumentKind);
            var groupTerm = Text(map, path, "kindGroup");
            var group = PolicyCodes.DocumentKindGroups.Parse(groupTerm);
            if (groupTerm is not null && group is null)
                Error(Node(map, "kindGroup")!, Path(path, "kindGroup"), Sv.NotAllowed(groupTerm, PolicyCodes.DocumentKindGroups.Codes));
            else if (kind is { } k && group is { } g && k.Group() != g)
                Error(Node(map, "kindGroup")!, Path(path, "kindGroup"), Sv.WrongGroup(PolicyCodes.DocumentKinds.Code(k), groupTerm!));
            var meaning = Text(map, path, "kindMeaning", required: false);
            var municipality = Text(map, path, "municipality");

            if (key is null || title is null || kind is null || group is null || municipality is null) return null;
            return new DocumentDefinition(key, title, kind.Value, group.Value, groupTerm!, meaning, municipality);
        }

        private VersionDefinition? ReadVersion(YamlMappingNode map)
        {
            const string path = "version";
            AllowOnly(map, path, "label", "adoptedBy", "revisionResponsible", "followUpResponsible", "appliesTo",
                "appliesToCompanies", "validUntil", "sdgs", "decisions", "goals", "precondition", "checks", "clauses");
            var label = Text(map, path, "label");
            var adoptedBy = Text(map, path, "adoptedBy");
            var revision = NullableText(map, path, "revisionResponsible");
            var followUp = NullableText(map, path, "followUpResponsible");
            var appliesTo = Text(map, path, "appliesTo");
            var companies = Boolean(map, path, "appliesToCompanies");
            var validUntil = ValidityOf(map, path, "validUntil", nullable: false);
            var sdgs = ReadSdgs(map, path);
            var decisions = ReadDecisions(map, path);
            var goals = ReadGoals(map, path);
            var precondition = Map(map, path, "precondition", required: false) is { } p ? ReadPrecondition(p) : null;
            var checks = ReadChecks(map, path, goals, precondition, Node(map, "precondition") is not null);
            var clauses = ReadClauses(map, path);

            var adoptedOn = decisions?.FirstOrDefault(d => d.Decision.Kind == DecisionKind.Adopted)?.Decision.Date;
            if (validUntil?.Validity is { LastDay: { } lastDay } validity && adoptedOn is { } adopted && lastDay < adopted)
                Error(validUntil.Value.Node, Path(path, "validUntil"), Sv.ValidBeforeAdoption(validity, adopted));

            if (Errors.Count > 0) return null;
            return new VersionDefinition(label!, adoptedBy!, revision, followUp, appliesTo!, companies!.Value, validUntil!.Value.Validity!.Value,
                sdgs!, decisions!.Select(d => d.Decision).ToList(), goals!, precondition, checks!) { Clauses = clauses! };
        }

        private List<ClauseDefinition>? ReadClauses(YamlMappingNode version, string versionPath)
        {
            var codes = new Dictionary<string, int>(StringComparer.Ordinal);
            var clauses = List(version, versionPath, "clauses", required: false, (item, path) =>
            {
                if (!IsMap(item, path, out var map)) return null;
                AllowOnly(map, path, "code", "clause", "handling", "why");
                var code = Text(map, path, "code");
                if (code is not null)
                {
                    var codeNode = Node(map, "code")!;
                    if (!GoalCodePattern().IsMatch(code)) { Error(codeNode, Path(path, "code"), Sv.BadGoalCode(code)); code = null; }
                    else if (codes.TryGetValue(code, out var firstLine)) { Error(codeNode, Path(path, "code"), Sv.DuplicateValue(code, firstLine)); code = null; }
                    else codes[code] = LineOf(codeNode.Start);
                }
                var clause = Text(map, path, "clause");
                var handling = Code(map, path, "handling", PolicyCodes.ClauseHandlings, Sv.NotAllowed);
                var why = Text(map, path, "why");
                return code is null || clause is null || handling is null || why is null ? null : new ClauseDefinition(code, clause, handling.Value, why);
            });
            if (clauses is null) return Node(version, "clauses") is null ? [] : null;
            return clauses.Any(c => c is null) ? null : clauses.Select(c => c!).ToList();
        }

        private List<int>? ReadSdgs(YamlMappingNode map, string path)
        {
            var seen = new Dictionary<int, int>();
            var sdgs = List(map, path, "sdgs", required: true, (item, itemPath) =>
            {
                if (!TryInteger(item, out var sdg) || sdg is < 1 or > 17)
                {
                    Error(item, itemPath, Sv.BadSdg(Show(item)));
                    return (int?)null;
                }
                if (seen.TryGetValue(sdg, out var firstLine))
                {
                    Error(item, itemPath, Sv.DuplicateSdg(sdg, firstLine));
                    return null;
                }
                seen[sdg] = LineOf(item.Start);
                return sdg;
            });
            return sdgs is null || sdgs.Any(s => s is null) ? null : sdgs.Select(s => s!.Value).ToList();
        }

        private sealed record ReadDecision(DecisionDefinition Decision, YamlNode DateNode);

        private List<ReadDecision>? ReadDecisions(YamlMappingNode version, string versionPath)
        {
            var decisions = List(version, versionPath, "decisions", required: true, (item, path) =>
            {
                if (!IsMap(item, path, out var map)) return null;
                AllowOnly(map, path, "kind", "body", "date", "proposedBy", "caseNumber", "minuteParagraph", "validUntil", "text", "note");
                var kind = Code(map, path, "kind", PolicyCodes.DecisionKinds, Sv.UnknownDecisionKind);
                var body = Text(map, path, "body");
                var date = Date(map, path, "date");
                var proposedBy = NullableText(map, path, "proposedBy");
                var caseNumber = NullableText(map, path, "caseNumber");
                var paragraph = NullableText(map, path, "minuteParagraph");
                var validUntil = ValidityOf(map, path, "validUntil", nullable: true);
                var text = Text(map, path, "text", required: false);
                var note = Text(map, path, "note", required: false);
                // The format: a decision's date is null only where the source gives none, and then a note says why.
                if (date is { Present: true, Value: null } && note is null)
                    Error(Node(map, "date")!, Path(path, "date"), Sv.NullDateNeedsNote);
                if (validUntil?.Validity is { LastDay: { } last } v && date?.Value is { } on && last < on)
                    Error(validUntil.Value.Node, Path(path, "validUntil"), Sv.ValidBeforeDecision(v, on));
                if (kind is null || body is null || date is null || validUntil is null) return null;
                return new ReadDecision(new DecisionDefinition(kind.Value, body, date.Value.Value, proposedBy, caseNumber, paragraph,
                    validUntil.Value.Validity, text, note), Node(map, "date")!);
            });
            // A version without decisions, or without an adoption among them, is a draft.
            if (decisions is null || decisions.Any(d => d is null)) return null;
            var read = decisions.Select(d => d!).ToList();

            // The format: decisions stand in date order; an undated one stands where the source puts it.
            ReadDecision? previous = null;
            for (var i = 0; i < read.Count; i++)
            {
                if (read[i].Decision.Date is not { } date) continue;
                if (previous is not null && date < previous.Decision.Date)
                    Error(read[i].DateNode, $"{Path(versionPath, "decisions")}[{i}].date", Sv.DecisionOutOfOrder(date, previous.Decision.Date!.Value, LineOf(previous.DateNode.Start)));
                previous = read[i];
            }
            return read;
        }

        private List<GoalDefinition>? ReadGoals(YamlMappingNode version, string versionPath)
        {
            var codes = new Dictionary<string, int>(StringComparer.Ordinal);
            var goals = List(version, versionPath, "goals", required: true, (item, path) =>
            {
                if (!IsMap(item, path, out var map)) return null;
                AllowOnly(map, path, "code", "name", "kind", "clause");
                var code = Text(map, path, "code", missingMessage: Sv.MissingGoalCode);
                if (code is not null)
                {
                    var codeNode = Node(map, "code")!;
                    if (!GoalCodePattern().IsMatch(code)) { Error(codeNode, Path(path, "code"), Sv.BadGoalCode(code)); code = null; }
                    else if (codes.TryGetValue(code, out var firstLine)) { Error(codeNode, Path(path, "code"), Sv.DuplicateGoalCode(code, firstLine)); code = null; }
                    else codes[code] = LineOf(codeNode.Start);
                }
                var name = Text(map, path, "name");
                var kind = Code(map, path, "kind", PolicyCodes.GoalKinds, Sv.UnknownGoalKind);
                var clause = Text(map, path, "clause");
                return code is null || name is null || kind is null || clause is null ? null : new GoalDefinition(code, name, kind.Value, clause);
            });
            // An empty list is judged with the text: a version whose text is unknown has no goals (ReadPolicy).
            return goals is null || goals.Any(g => g is null) ? null : goals.Select(g => g!).ToList();
        }

        private PreconditionDefinition? ReadPrecondition(YamlMappingNode map)
        {
            const string path = "version.precondition";
            AllowOnly(map, path, "criteria", "exceptionBody", "clause");
            var seen = new Dictionary<PreconditionCriterion, int>();
            var criteria = List(map, path, "criteria", required: true, (item, itemPath) =>
            {
                var code = Scalar(item);
                if (PolicyCodes.Criteria.Parse(code) is not { } criterion)
                {
                    Error(item, itemPath, Sv.UnknownCriterion(Show(item)));
                    return (PreconditionCriterion?)null;
                }
                if (seen.TryGetValue(criterion, out var firstLine))
                {
                    Error(item, itemPath, Sv.DuplicateValue(code!, firstLine));
                    return null;
                }
                seen[criterion] = LineOf(item.Start);
                return criterion;
            });
            if (criteria is { Count: 0 }) Error(Node(map, "criteria")!, Path(path, "criteria"), Sv.EmptyList("criteria"));
            var exceptionBody = Text(map, path, "exceptionBody");
            var clause = Text(map, path, "clause");
            if (criteria is null || criteria.Any(c => c is null) || exceptionBody is null || clause is null) return null;
            return new PreconditionDefinition(criteria.Select(c => c!.Value).ToList(), exceptionBody, clause);
        }

        private List<CheckDefinition>? ReadChecks(YamlMappingNode version, string versionPath, List<GoalDefinition>? goals,
            PreconditionDefinition? precondition, bool hasPrecondition)
        {
            var goalCodes = goals?.Select(g => g.Code).ToHashSet() ?? [];
            var kinds = new Dictionary<CheckKind, int>();
            var checks = List(version, versionPath, "checks", required: true, (item, path) =>
            {
                if (!IsMap(item, path, out var map)) return null;
                AllowOnly(map, path, "kind", "clause", "parameters");
                var kind = Code(map, path, "kind", PolicyCodes.CheckKinds, Sv.UnknownCheckKind);
                var clause = Text(map, path, "clause");
                var parametersMap = Map(map, path, "parameters");
                if (kind is not { } k) return null;

                var kindNode = Node(map, "kind")!;
                if (kinds.TryGetValue(k, out var firstLine))
                    Error(kindNode, Path(path, "kind"), Sv.DuplicateCheck(PolicyCodes.CheckKinds.Code(k), firstLine));
                else kinds[k] = LineOf(kindNode.Start);
                // 001: the partner-precondition check enforces the version's precondition, so there must be one.
                if (k == CheckKind.PartnerPrecondition && !hasPrecondition)
                    Error(kindNode, Path(path, "kind"), Sv.CheckNeedsPrecondition);

                if (parametersMap is null) return null;
                var parameters = ReadParameters(k, parametersMap, Path(path, "parameters"), goals is null ? null : goalCodes);
                if (k == CheckKind.PartnerPrecondition && parameters?.GetValueOrDefault("exceptionBody") is string body
                    && precondition is not null && body != precondition.ExceptionBody)
                    Error(Node(parametersMap, "exceptionBody")!, Path(path, "parameters.exceptionBody"), Sv.ExceptionBodyDiffers(body, precondition.ExceptionBody));
                return clause is null || parameters is null ? null : new CheckDefinition(k, parameters, clause);
            });
            return checks is null || checks.Any(c => c is null) ? null : checks.Select(c => c!).ToList();
        }

        /// <summary>Turns YAML values into the catalogue's types by the kind's schema, then lets the catalogue judge them.</summary>
        /// <param name="goalCodes">Null when the goals themselves are in error: a goal code is then not judged.</param>
        private Dictionary<string, object>? ReadParameters(CheckKind kind, YamlMappingNode map, string path, IReadOnlySet<string>? goalCodes)
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            var nodes = new Dictionary<string, (YamlNode Key, YamlNode Value)>(StringComparer.Ordinal);
            foreach (var (keyNode, valueNode) in map.Children)
            {
                var name = Scalar(keyNode) ?? "";
                nodes[name] = (keyNode, valueNode);
                values[name] = Convert(CheckCatalogue.Parameter(kind, name), valueNode);
            }

            var kindCode = PolicyCodes.CheckKinds.Code(kind);
            var errors = CheckCatalogue.Validate(kind, values, goalCodes ?? values.Values.OfType<string>().ToHashSet());
            foreach (var error in errors)
            {
                var spec = CheckCatalogue.Parameter(kind, error.Parameter);
                var node = error.Problem switch
                {
                    CheckParameterProblem.Unknown => nodes[error.Parameter].Key,
                    CheckParameterProblem.Missing => map,
                    _ => nodes.TryGetValue(error.Parameter, out var n) ? n.Value : map,
                };
                Error(node, Path(path, error.Parameter), Sv.Parameter(kindCode, spec, error));
            }
            return errors.Count > 0 ? null : values.ToDictionary(v => v.Key, v => v.Value!);
        }

        // A value the catalogue will find invalid whatever its type: a null, or a map or list where none belongs.
        private static readonly object NotAValue = new();

        private static object? Convert(CheckParameterSpec? spec, YamlNode node)
        {
            if (IsNull(node)) return NotAValue;
            if (node is YamlSequenceNode sequence)
            {
                var items = sequence.Children.Select(Scalar).ToList();
                return items.Any(i => i is null) ? NotAValue : items.Select(i => i!).ToList();
            }
            if (node is not YamlScalarNode { Value: { } text } scalar) return NotAValue;
            return spec?.Type switch
            {
                CheckParameterType.Integer when TryInteger(scalar, out var i) => i,
                CheckParameterType.Boolean when TryBoolean(scalar, out var b) => b,
                _ => text,
            };
        }

        // ---- fields ----

        private static YamlNode? Node(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

        private static string Path(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";

        private void AllowOnly(YamlMappingNode map, string path, params string[] allowed)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = Scalar(key);
                if (name is null || !allowed.Contains(name))
                    Error(key, Path(path, name ?? "?"), Sv.UnknownField(name ?? Show(key), allowed));
            }
        }

        private YamlNode? Required(YamlMappingNode map, string path, string key, bool required, string? missingMessage = null)
        {
            var node = Node(map, key);
            if (node is null && required) Error(map, Path(path, key), missingMessage ?? Sv.Missing(key));
            return node;
        }

        /// <summary>A non-empty string. Missing, null or empty is an error when <paramref name="required"/>.</summary>
        private string? Text(YamlMappingNode map, string path, string key, bool required = true, string? missingMessage = null)
        {
            if (Required(map, path, key, required, missingMessage) is not { } node) return null;
            if (node is not YamlScalarNode scalar) { Error(node, Path(path, key), Sv.NotText(key)); return null; }
            if (IsNull(scalar) || string.IsNullOrWhiteSpace(scalar.Value))
            {
                if (required) Error(node, Path(path, key), missingMessage ?? Sv.Empty(key));
                return null;
            }
            return scalar.Value;
        }

        /// <summary>A field that must be present but may be <c>null</c> ("not in the source").</summary>
        private string? NullableText(YamlMappingNode map, string path, string key)
        {
            if (Required(map, path, key, required: true) is not { } node) return null;
            if (node is not YamlScalarNode scalar) { Error(node, Path(path, key), Sv.NotText(key)); return null; }
            return IsNull(scalar) || string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value;
        }

        private string? Key(YamlMappingNode map, string path, string key)
        {
            var value = Text(map, path, key);
            if (value is not null && !KeyPattern().IsMatch(value))
            {
                Error(Node(map, key)!, Path(path, key), Sv.BadKey(value));
                return null;
            }
            return value;
        }

        private T? Code<T>(YamlMappingNode map, string path, string key, CodeTable<T> table, Func<string, IReadOnlyList<string>, string> unknown)
            where T : struct, Enum
        {
            var code = Text(map, path, key);
            if (code is null) return null;
            if (table.Parse(code) is { } value) return value;
            Error(Node(map, key)!, Path(path, key), unknown(code, table.Codes));
            return null;
        }

        private bool? Boolean(YamlMappingNode map, string path, string key)
        {
            if (Required(map, path, key, required: true) is not { } node) return null;
            if (TryBoolean(node, out var value)) return value;
            Error(node, Path(path, key), Sv.NotBoolean(key));
            return null;
        }

        private readonly record struct DateField(bool Present, DateOnly? Value);

        /// <summary>A required ISO date that may be <c>null</c>; null when missing or unreadable.</summary>
        private DateField? Date(YamlMappingNode map, string path, string key)
        {
            if (Required(map, path, key, required: true) is not { } node) return null;
            if (IsNull(node)) return new DateField(true, null);
            var text = Scalar(node);
            if (text is not null && DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return new DateField(true, date);
            Error(node, Path(path, key), Sv.BadDate(text ?? Show(node)));
            return null;
        }

        private readonly record struct ValidityField(YamlNode Node, Validity? Validity);

        private ValidityField? ValidityOf(YamlMappingNode map, string path, string key, bool nullable)
        {
            if (Required(map, path, key, required: true) is not { } node) return null;
            if (IsNull(node))
            {
                if (nullable) return new ValidityField(node, null);
                Error(node, Path(path, key), Sv.Empty(key));
                return null;
            }
            if (Validity.Parse(Scalar(node)) is { } validity) return new ValidityField(node, validity);
            Error(node, Path(path, key), Sv.BadValidity(Show(node)));
            return null;
        }

        private YamlMappingNode? Map(YamlMappingNode parent, string path, string key, bool required = true)
        {
            if (Required(parent, path, key, required) is not { } node) return null;
            if (node is YamlMappingNode map) return map;
            Error(node, Path(path, key), Sv.NotMap(key));
            return null;
        }

        private bool IsMap(YamlNode node, string path, out YamlMappingNode map)
        {
            if (node is YamlMappingNode m) { map = m; return true; }
            Error(node, path, Sv.ItemNotMap);
            map = null!;
            return false;
        }

        /// <summary>Reads each item of a list; the result holds null for an item in error, and is null when the list itself is missing or not a list.</summary>
        private List<T?>? List<T>(YamlMappingNode map, string path, string key, bool required, Func<YamlNode, string, T?> readItem)
        {
            if (Required(map, path, key, required) is not { } node) return null;
            if (node is not YamlSequenceNode sequence) { Error(node, Path(path, key), Sv.NotList(key)); return null; }
            return sequence.Children.Select((item, i) => readItem(item, $"{Path(path, key)}[{i}]")).ToList();
        }

        // ---- scalars ----

        private static bool IsNull(YamlNode node) =>
            node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

        private static string? Scalar(YamlNode node) => node is YamlScalarNode scalar && !IsNull(scalar) ? scalar.Value : null;

        private static bool TryInteger(YamlNode node, out int value)
        {
            value = 0;
            return node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: { } text }
                && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        private static bool TryBoolean(YamlNode node, out bool value)
        {
            value = false;
            if (node is not YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: { } text }) return false;
            return bool.TryParse(text, out value);
        }

        private static string Show(YamlNode node) => node switch
        {
            YamlScalarNode scalar => IsNull(scalar) ? "null" : scalar.Value ?? "",
            YamlSequenceNode => "[…]",
            _ => "{…}",
        };
    }

    /// <summary>The reader's messages, from the UI's resources (<c>PolicyFile_*</c>): the importing coordinator reads them beside the line they name.</summary>
    private static class Sv
    {
        private static readonly ResourceText L = new();

        public static string Syntax(YamlException e)
        {
            // YamlDotNet prefixes its message with the marks; the line is reported apart.
            var detail = e.Message;
            var cut = detail.IndexOf("): ", StringComparison.Ordinal);
            if (cut >= 0) detail = detail[(cut + 3)..];
            return detail.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase) ? L["PolicyFile_DuplicateKey"] : L["PolicyFile_Syntax", detail];
        }

        public static string SyntaxNear => L["PolicyFile_SyntaxNear"];
        public static string EmptyFile => L["PolicyFile_Empty"];
        public static string SeveralDocuments => L["PolicyFile_SeveralDocuments"];
        public static string RootNotMapping => L["PolicyFile_RootNotMapping"];
        public static string ItemNotMap => L["PolicyFile_ItemNotMap"];
        public static string MissingGoalCode => L["PolicyFile_MissingGoalCode"];
        public static string NoGoals => L["PolicyFile_NoGoals"];
        public static string UnknownTextHasRules => L["PolicyFile_UnknownTextHasRules"];
        public static string NullDateNeedsNote => L["PolicyFile_NullDateNeedsNote"];
        public static string CheckNeedsPrecondition => L["PolicyFile_CheckNeedsPrecondition"];

        public static string Missing(string key) => L["PolicyFile_Missing", key];
        public static string Empty(string key) => L["PolicyFile_EmptyField", key];
        public static string UnknownField(string key, IEnumerable<string> allowed) => L["PolicyFile_UnknownField", key, string.Join(", ", allowed)];
        public static string NotText(string key) => L["PolicyFile_NotText", key];
        public static string NotMap(string key) => L["PolicyFile_NotMap", key];
        public static string NotList(string key) => L["PolicyFile_NotList", key];
        public static string NotBoolean(string key) => L["PolicyFile_NotBoolean", key];
        public static string EmptyList(string key) => L["PolicyFile_EmptyList", key];
        public static string WrongFormat(string format) => L["PolicyFile_WrongFormat", PolicyCodes.Format, format];
        public static string BadKey(string key) => L["PolicyFile_BadKey", key];
        public static string BadGoalCode(string code) => L["PolicyFile_BadGoalCode", code];
        public static string DuplicateGoalCode(string code, int firstLine) => L["PolicyFile_DuplicateGoalCode", code, firstLine];
        public static string NotAllowed(string value, IEnumerable<string> allowed) => L["PolicyFile_NotAllowed", value, string.Join(", ", allowed)];
        public static string UnknownDocumentKind(string value, IReadOnlyList<string> allowed) => L["PolicyFile_UnknownDocumentKind", value, string.Join(", ", allowed)];
        public static string WrongGroup(string kind, string group) => L["PolicyFile_WrongGroup", kind, group];
        public static string UnknownDecisionKind(string value, IReadOnlyList<string> allowed) => L["PolicyFile_UnknownDecisionKind", value, string.Join(", ", allowed)];
        public static string UnknownGoalKind(string value, IReadOnlyList<string> allowed) => L["PolicyFile_UnknownGoalKind", value, string.Join(", ", allowed)];
        public static string UnknownCheckKind(string value, IReadOnlyList<string> allowed) => L["PolicyFile_UnknownCheckKind", value, string.Join(", ", allowed)];
        public static string UnknownCriterion(string value) => L["PolicyFile_UnknownCriterion", value, string.Join(", ", PolicyCodes.Criteria.Codes)];
        public static string DuplicateValue(string value, int firstLine) => L["PolicyFile_DuplicateValue", value, firstLine];
        public static string DuplicateCheck(string kind, int firstLine) => L["PolicyFile_DuplicateCheck", kind, firstLine];
        public static string BadSdg(string value) => L["PolicyFile_BadSdg", value];
        public static string DuplicateSdg(int sdg, int firstLine) => L["PolicyFile_DuplicateSdg", sdg, firstLine];
        public static string BadDate(string value) => L["PolicyFile_BadDate", value];
        public static string BadValidity(string value) => L["PolicyFile_BadValidity", value];
        public static string ValidBeforeAdoption(Validity validity, DateOnly adopted) => L["PolicyFile_ValidBeforeAdoption", validity, Iso(adopted)];
        public static string ValidBeforeDecision(Validity validity, DateOnly decided) => L["PolicyFile_ValidBeforeDecision", validity, Iso(decided)];
        public static string DecisionOutOfOrder(DateOnly date, DateOnly previous, int previousLine) =>
            L["PolicyFile_DecisionOutOfOrder", Iso(date), Iso(previous), previousLine];
        public static string ExceptionBodyDiffers(string check, string precondition) => L["PolicyFile_ExceptionBodyDiffers", check, precondition];

        public static string Parameter(string kind, CheckParameterSpec? spec, CheckParameterError error)
        {
            var name = error.Parameter;
            return error.Problem switch
            {
                CheckParameterProblem.Missing => L["PolicyFile_ParameterMissing", name],
                CheckParameterProblem.Unknown => L["PolicyFile_ParameterUnknown", kind, name],
                CheckParameterProblem.UnknownGoal => L["PolicyFile_ParameterUnknownGoal", name, error.Value ?? ""],
                CheckParameterProblem.Duplicate => L["PolicyFile_ParameterDuplicate", error.Value ?? "", name],
                CheckParameterProblem.Inconsistent => L["PolicyFile_ParameterReportingNeither"],
                _ => spec!.Type switch
                {
                    CheckParameterType.Integer => L["PolicyFile_ParameterInteger", name, spec.Minimum ?? int.MinValue],
                    CheckParameterType.Boolean => L["PolicyFile_ParameterBoolean", name],
                    CheckParameterType.OneOf => L["PolicyFile_ParameterOneOf", name, string.Join(", ", spec.AllowedValues!)],
                    CheckParameterType.SubsetOf => L["PolicyFile_ParameterSubsetOf", name, string.Join(", ", spec.AllowedValues!)],
                    CheckParameterType.GoalCode => L["PolicyFile_ParameterGoalCode", name],
                    _ => L["PolicyFile_ParameterText", name],
                },
            };
        }

        private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
