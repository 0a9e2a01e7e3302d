namespace Omvarld.Benchmarks.National;

internal static class LoadHarness
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(0);
}
