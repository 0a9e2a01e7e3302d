using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Omvarld.Domain.Access;
using Omvarld.Domain.Organisation;

// Run: dotnet run -c Release --project benchmarks/Omvarld.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(UnitTreeBenchmarks).Assembly).Run(args);

/// <summary>
/// The unit tree is built once per request that needs a scope: it must stay cheap for the largest organisations
/// (a big city has a few thousand units, offices included).
/// </summary>
[MemoryDiagnoser]
public class UnitTreeBenchmarks
{
    private UnitNode[] _nodes = [];
    private Guid _committee;

    [Params(300, 3000)]
    public int Units { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var list = new List<UnitNode> { new(Guid.NewGuid(), null, "Kommunfullmäktige", UnitKind.Council, false) };
        for (var i = 1; i < Units; i++)
        {
            var parent = list[random.Next(Math.Max(1, list.Count / 2))];
            list.Add(new(Guid.NewGuid(), parent.Id, $"Enhet {i}", (UnitKind)random.Next(3, 7), random.Next(20) == 0));
        }
        _nodes = [.. list];
        _committee = list[1].Id;
    }

    [Benchmark]
    public int BuildTree() => new UnitTree(_nodes).All.Count;

    [Benchmark]
    public int EditorScope()
    {
        var scope = new AccessScope(false, [(Role.UnitEditor, _committee)], new UnitTree(_nodes));
        return scope.EditableUnits.Count;
    }
}
