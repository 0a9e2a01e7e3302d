using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Omvarld.Domain.Access;
using Omvarld.Domain.Organisation;

// Run: dotnet run -c Release --project benchmarks/Omvarld.Benchmarks -- --filter '*'
// National scale (issue 17): '-- generate …' loads a database, '-- load …' measures the app on it (benchmarks/README.md).
switch (args.FirstOrDefault())
{
    case "generate": return await Omvarld.Benchmarks.National.NationalGenerator.RunAsync(args[1..]);
    case "load": return await Omvarld.Benchmarks.National.LoadHarness.RunAsync(args[1..]);
    case "two-instances": return await Omvarld.Benchmarks.National.TwoInstances.RunAsync(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(UnitTreeBenchmarks).Assembly).Run(args);
return 0;

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
