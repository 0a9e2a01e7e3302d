namespace Omvarld.Domain.Common;

/// <summary>
/// A business outcome. <see cref="Error"/> is a resource key (e.g. <c>Unit_MoveUnderDescendant</c>) that
/// the UI and the API translate, with <see cref="Args"/> as its format arguments; <see cref="Field"/> names the
/// input it concerns, when there is one.
/// </summary>
public readonly record struct Result(string? Error, string? Field = null, IReadOnlyList<object>? Args = null)
{
    public static readonly Result Ok = new(null);
    public bool IsOk => Error is null;
    public static Result Fail(string error, string? field = null) => new(error, field);
    public static Result Fail(string error, string? field, params object[] args) => new(error, field, args);
}
