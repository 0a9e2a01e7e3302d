using System.Text.RegularExpressions;
using Omvarld.Domain.Policies;
using Omvarld.Web.Features.Policies;
using Omvarld.Web.Tests.Infrastructure;

namespace Omvarld.Web.Tests.Features.Policies;

/// <summary>
/// Every passage a shipped policy file quotes is found verbatim in its source text (SeedData/Policies/Sources), after
/// whitespace is collapsed on both sides (the format README's only allowed changes besides joined hyphenation, which
/// the stored sources already carry).
/// </summary>
public partial class SeedQuoteTests
{
    /// <summary>Each shipped policy file and the source text it quotes.</summary>
    public static TheoryData<string, string> Files => new()
    {
        { "boras-2002.yaml", "boras-2009.txt" },
        { "boras-2009.yaml", "boras-2009.txt" },
        { "boras-2016.yaml", "boras-2016.txt" },
        { "boras-2023.yaml", "boras-2023.txt" },
        { "upplandsbro-2020.yaml", "upplandsbro-2020.txt" },
    };

    [Fact]
    public void EveryShippedPolicyFile_HasASourceText()
    {
        var shipped = Directory.GetFiles(RepositoryFiles.SeedPolicyFolder, "*.yaml").Select(Path.GetFileName).Order().ToList();
        Assert.Equal(Files.Select(row => (string)row[0]).Order().ToList(), shipped!);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryQuotedPassage_IsInTheSource(string file, string source)
    {
        var (policy, errors) = PolicyFileReader.Read(new StringReader(RepositoryFiles.SeedPolicy(file)));
        Assert.Empty(errors);
        var text = Collapse(File.ReadAllText(Path.Combine(RepositoryFiles.SeedPolicyFolder, "Sources", source)));

        var passages = Quotes(policy!).ToList();
        Assert.NotEmpty(passages);
        var missing = passages.Where(q => !text.Contains(Collapse(q.Passage), q.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            .Select(q => $"{q.Field}: {q.Passage}").ToList();
        Assert.True(missing.Count == 0, $"{file}: not verbatim in {source}:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void TheCheck_FindsAChangedWord()
    {
        var text = Collapse(File.ReadAllText(Path.Combine(RepositoryFiles.SeedPolicyFolder, "Sources", "boras-2023.txt")));
        Assert.Contains(Collapse("Det bör även finnas extern\nfinansiering där så är möjligt, exempelvis genom EU-medel."), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Collapse("Det ska även finnas extern finansiering där så är möjligt, exempelvis genom EU-medel."), text, StringComparison.Ordinal);
    }

    private sealed record Quote(string Field, string Passage, bool IgnoreCase = false);

    /// <summary>Every value the format README says is quoted from the source; a clause of two passages (blank line between) gives both.</summary>
    private static IEnumerable<Quote> Quotes(PolicyDefinition p)
    {
        var v = p.Version;
        yield return new("document.title", p.Document.Title);
        yield return new("document.municipality", p.Document.Municipality);
        if (p.Document.KindMeaning is { } meaning) yield return new("document.kindMeaning", meaning);
        yield return new("version.appliesTo", v.AppliesTo);
        if (v.RevisionResponsible is { } revision) yield return new("version.revisionResponsible", revision);
        if (v.FollowUpResponsible is { } followUp) yield return new("version.followUpResponsible", followUp);
        foreach (var d in v.Decisions.Where(d => d.Text is not null)) yield return new("version.decisions[].text", d.Text!);
        foreach (var g in v.Goals)
        {
            // Upplands-Bro's goal names are the seed's words with a capital first letter (format README).
            yield return new($"version.goals[{g.Code}].name", g.Name, IgnoreCase: true);
            foreach (var passage in Passages(g.Clause)) yield return new($"version.goals[{g.Code}].clause", passage);
        }
        if (v.Precondition is { } pre) yield return new("version.precondition.clause", pre.Clause);
        foreach (var c in v.Checks)
            foreach (var passage in Passages(c.Clause)) yield return new($"version.checks[{PolicyCodes.CheckKinds.Code(c.Kind)}].clause", passage);
        foreach (var c in v.Clauses)
            foreach (var passage in Passages(c.Clause)) yield return new($"version.clauses[{c.Code}].clause", passage);
        foreach (var k in p.ActivityKinds)
        {
            yield return new("activityKinds[].name", k.Name);
            yield return new("activityKinds[].clause", k.Clause);
        }
        foreach (var t in p.Definitions)
        {
            yield return new("definitions[].term", t.Term);
            yield return new("definitions[].clause", t.Clause);
        }
        foreach (var line in (p.Text ?? "").Split('\n').Where(l => !string.IsNullOrWhiteSpace(l))) yield return new("text", line);
    }

    private static IEnumerable<string> Passages(string clause) =>
        clause.Replace("\r\n", "\n").Split("\n\n").Where(s => !string.IsNullOrWhiteSpace(s));

    private static string Collapse(string s) => Whitespace().Replace(s, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
