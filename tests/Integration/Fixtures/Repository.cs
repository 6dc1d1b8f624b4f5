namespace Reservations.IntegrationTests.Fixtures;

/// <summary>The repository the tests were built from: the directory that holds Reservations.sln.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Reservations.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Reservations.sln not found above the tests.");
    }
}
