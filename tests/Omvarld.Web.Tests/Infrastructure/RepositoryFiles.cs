namespace Omvarld.Web.Tests.Infrastructure;

/// <summary>Files of the repository the tests read as a user would have them: the seed policies, the sources.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string SeedPolicyFolder => Path.Combine(Root, "src", "Omvarld.Web", "SeedData", "Policies");

    public static string SeedPolicy(string file) => File.ReadAllText(Path.Combine(SeedPolicyFolder, file));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Omvarld.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Omvarld.slnx not found above " + AppContext.BaseDirectory);
    }
}
