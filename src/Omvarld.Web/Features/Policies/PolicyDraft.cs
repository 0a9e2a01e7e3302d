using YamlDotNet.RepresentationModel;

namespace Omvarld.Web.Features.Policies;

/// <summary>Makes a draft's policy file from an earlier version's: same document and content, a new key and label, no decisions.</summary>
public static class PolicyDraft
{
    /// <summary>
    /// The earlier file with <c>key</c> and <c>version.label</c> replaced and <c>version.decisions</c> emptied. The
    /// content (goals, clauses, checks, text) stays as it was, quoted strings and literal blocks in their styles;
    /// comments do not survive YAML's round trip.
    /// </summary>
    public static string From(string source, string key, string label)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(source));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        root.Children[new YamlScalarNode("key")] = new YamlScalarNode(key);
        var version = (YamlMappingNode)root.Children[new YamlScalarNode("version")];
        version.Children[new YamlScalarNode("label")] = new YamlScalarNode(label) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted };
        version.Children[new YamlScalarNode("decisions")] = new YamlSequenceNode { Style = YamlDotNet.Core.Events.SequenceStyle.Flow };
        using var writer = new StringWriter();
        yaml.Save(writer, assignAnchors: false);
        // YamlStream writes a document-end marker ("...") that the format does not need.
        var text = writer.ToString().TrimEnd();
        if (text.EndsWith("...", StringComparison.Ordinal)) text = text[..^3].TrimEnd();
        return text + "\n";
    }
}
