namespace Omvarld.Domain.Policies.Checks;

/// <summary>
/// A check a policy version demands, with its parameters and the clause it comes from. Parameter values are
/// <see cref="int"/>, <see cref="bool"/>, <see cref="string"/> or a list of strings, as <see cref="CheckCatalogue"/> describes.
/// </summary>
public sealed record CheckDefinition(CheckKind Kind, IReadOnlyDictionary<string, object> Parameters, string Clause)
{
    public int Integer(string name) => (int)Parameters[name];
    public bool Boolean(string name) => (bool)Parameters[name];
    public string Text(string name) => (string)Parameters[name];
    public IReadOnlyList<string> List(string name) => (IReadOnlyList<string>)Parameters[name];
}
