namespace Omvarld.Domain.Organisation;

/// <summary>One node of the tree: what the tree needs to know of a unit.</summary>
public readonly record struct UnitNode(Guid Id, Guid? ParentId, string Name, UnitKind Kind, bool IsClosed);

/// <summary>
/// A municipality's unit tree in memory: descendants, ancestors and depth-first order. Built from one query
/// of the (small) unit table of one municipality; answers scope questions without a query per row.
/// </summary>
public sealed class UnitTree
{
    private readonly Dictionary<Guid, UnitNode> _nodes;
    private readonly Dictionary<Guid, List<Guid>> _children = new();
    private readonly List<Guid> _roots = new();

    public UnitTree(IEnumerable<UnitNode> nodes)
    {
        _nodes = nodes.ToDictionary(n => n.Id);
        foreach (var n in _nodes.Values.OrderBy(n => n.Name, StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), true)))
        {
            if (n.ParentId is { } p && _nodes.ContainsKey(p))
            {
                if (!_children.TryGetValue(p, out var list)) _children[p] = list = new();
                list.Add(n.Id);
            }
            else _roots.Add(n.Id);
        }
    }

    public static UnitTree From(IEnumerable<Unit> units) =>
        new(units.Select(u => new UnitNode(u.Id, u.ParentId, u.Name, u.Kind, u.IsClosed)));

    public bool Contains(Guid id) => _nodes.ContainsKey(id);
    public UnitNode this[Guid id] => _nodes[id];
    public IReadOnlyCollection<UnitNode> All => _nodes.Values;

    /// <summary>True when <paramref name="candidate"/> lies somewhere below <paramref name="ancestor"/>.</summary>
    /// <summary>Whether the unit is a municipal company or lies under one (a subsidiary, a company's department).</summary>
    public bool IsCompanyOrUnder(Guid id)
    {
        var seen = new HashSet<Guid>();
        for (var current = (Guid?)id; current is { } c && seen.Add(c) && _nodes.TryGetValue(c, out var node); current = node.ParentId)
            if (node.Kind == UnitKind.Company) return true;
        return false;
    }

    public bool IsDescendantOf(Guid candidate, Guid ancestor)
    {
        var seen = new HashSet<Guid>();
        var current = candidate;
        while (_nodes.TryGetValue(current, out var node) && node.ParentId is { } parent && seen.Add(parent))
        {
            if (parent == ancestor) return true;
            current = parent;
        }
        return false;
    }

    /// <summary>The unit itself and every unit below it.</summary>
    public IReadOnlySet<Guid> SelfAndDescendants(Guid id)
    {
        var result = new HashSet<Guid>();
        if (!_nodes.ContainsKey(id)) return result;
        var stack = new Stack<Guid>();
        stack.Push(id);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (!result.Add(current)) continue;
            if (_children.TryGetValue(current, out var kids)) foreach (var k in kids) stack.Push(k);
        }
        return result;
    }

    public bool HasOpenChildren(Guid id) =>
        _children.TryGetValue(id, out var kids) && kids.Any(k => !_nodes[k].IsClosed);

    /// <summary>The path from the root down to the unit, the unit last.</summary>
    public IReadOnlyList<UnitNode> PathTo(Guid id)
    {
        var path = new List<UnitNode>();
        var seen = new HashSet<Guid>();
        for (Guid? current = id; current is { } c && _nodes.TryGetValue(c, out var node) && seen.Add(c); current = node.ParentId)
            path.Add(node);
        path.Reverse();
        return path;
    }

    /// <summary>Depth-first order with each node's depth, for an indented list.</summary>
    public IEnumerable<(UnitNode Node, int Depth)> DepthFirst()
    {
        var stack = new Stack<(Guid, int)>();
        for (var i = _roots.Count - 1; i >= 0; i--) stack.Push((_roots[i], 0));
        while (stack.Count > 0)
        {
            var (id, depth) = stack.Pop();
            yield return (_nodes[id], depth);
            if (_children.TryGetValue(id, out var kids))
                for (var i = kids.Count - 1; i >= 0; i--) stack.Push((kids[i], depth + 1));
        }
    }
}
