using Omvarld.Domain.Policies.Reading;
using Xunit.Abstractions;
namespace Omvarld.Domain.Tests.PolicyReader;
public sealed class DumpTmp
{
    [Fact]
    public void Dump()
    {
        var sb = new System.Text.StringBuilder();
        foreach (var f in Directory.GetFiles(Evaluation.Dir("Seeds"), "*.txt").Concat(Directory.GetFiles(Evaluation.Dir("Variants"), "*.txt")).Order())
        {
            var p = Omvarld.Domain.Policies.Reading.PolicyReader.Read(File.ReadAllText(f));
            sb.AppendLine("=================== " + Path.GetFileName(f));
            sb.AppendLine(p.Source.Text);
            sb.AppendLine("--- furniture: " + string.Join(" | ", p.Source.Furniture));
            foreach (var m in p.Metadata) sb.AppendLine($"{m.Name}: {m.Field.Value}   <= {m.Field.Source?.Text}");
            foreach (var g in p.Goals) sb.AppendLine($"GOAL {g.Code} [{g.Name}] {g.Kind}: {g.Clause.Text}");
            if (p.Precondition is { } pc) sb.AppendLine($"PRE {string.Join(",", pc.Criteria)} {pc.ExceptionBody}: {pc.Clause.Text}");
            foreach (var c in p.Checks) sb.AppendLine($"CHECK {c.Kind} {string.Join(",", c.Parameters.Select(kv => kv.Key + "=" + (kv.Value is IEnumerable<string> l ? string.Join("/", l) : kv.Value)))}: {c.Clause}");
            sb.AppendLine("SDG " + string.Join(",", p.Sdgs.Numbers));
            foreach (var u in p.UnplacedDemands) sb.AppendLine("UNPLACED: " + u.Text);
        }
        File.WriteAllText("/tmp/reader18-dump.txt", sb.ToString());
    }
}
