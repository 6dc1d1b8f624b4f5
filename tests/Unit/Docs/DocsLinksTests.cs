using Reservations.IntegrationTests.Fixtures;

namespace Reservations.UnitTests.Docs;

/// <summary>
/// The README and docs/ link only to what the repository holds, and nothing in the repository points at a document
/// outside it.
/// </summary>
public class DocsLinksTests
{
    // Names of documents that live beside the repository, never in it.
    private static readonly string[] OutsideDocuments = ["../shared", "DESIGN.md", "CONVENTIONS.md", "FAULTS.md"];

    private static readonly string[] SkippedDirectories = [".git", "bin", "obj", ".local", "node_modules"];

    private static IEnumerable<string> Documents =>
        Directory.EnumerateFiles(Path.Combine(Repository.Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Prepend(Path.Combine(Repository.Root, "README.md"));

    [Fact]
    public void TheDocuments_AreFound()
    {
        Documents.Select(path => Path.GetRelativePath(Repository.Root, path).Replace('\\', '/'))
            .Should().Contain(["README.md", "docs/architecture.md", "docs/decisions/020-purchase-answered-before-postgres.md"]);
    }

    [Fact]
    public void EveryRelativeLinkAndImage_ResolvesToAFileOfTheRepository_AndToAHeadingWhenItNamesOne()
    {
        var broken = new List<string>();
        foreach (var document in Documents.Select(MarkdownDocument.Read))
        {
            foreach (var link in document.Links.Where(IsRelative))
            {
                if (Problem(document, link, Repository.Root) is { } problem)
                {
                    broken.Add($"{Path.GetRelativePath(Repository.Root, document.Path)}: ({link}) {problem}");
                }
            }
        }

        broken.Should().BeEmpty();
    }

    [Fact]
    public void NoFileOfTheRepository_RefersToADocumentOutsideIt()
    {
        var self = Path.Combine(Repository.Root, "tests", "Unit", "Docs", "DocsLinksTests.cs");
        var references = TextFiles(Repository.Root)
            .Where(path => path != self)
            .SelectMany(path =>
            {
                var text = File.ReadAllText(path);
                return OutsideDocuments
                    .Where(name => text.Contains(name, StringComparison.OrdinalIgnoreCase))
                    .Select(name => $"{Path.GetRelativePath(Repository.Root, path)} names {name}");
            })
            .ToList();

        references.Should().BeEmpty();
    }

    [Fact]
    public void ALinkToAMissingFileOrHeading_IsReported()
    {
        var directory = Directory.CreateTempSubdirectory("docs-links-");
        try
        {
            var path = Path.Combine(directory.FullName, "page.md");
            File.WriteAllLines(path, ["# A page", "", "[here](#a-page) [gone](#elsewhere) [missing](missing.md)", "`[code](nowhere.md)`"]);

            var document = MarkdownDocument.Read(path);

            document.Links.Should().Equal("#a-page", "#elsewhere", "missing.md");
            Problem(document, "#a-page", directory.FullName).Should().BeNull();
            Problem(document, "#elsewhere", directory.FullName).Should().Be("names no heading of its file");
            Problem(document, "missing.md", directory.FullName).Should().Be("is not a file or directory of the repository");
            Problem(document, "../page.md", directory.FullName).Should().Be("points outside the repository");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static bool IsRelative(string link) =>
        !link.Contains("://", StringComparison.Ordinal) && !link.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

    private static string? Problem(MarkdownDocument document, string link, string root)
    {
        var hash = link.IndexOf('#', StringComparison.Ordinal);
        var file = Uri.UnescapeDataString(hash < 0 ? link : link[..hash]);
        var anchor = hash < 0 ? null : link[(hash + 1)..];
        var target = file.Length == 0 ? document.Path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document.Path)!, file));
        if (target != root && !target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return "points outside the repository";
        }

        if (!File.Exists(target) && !Directory.Exists(target))
        {
            return "is not a file or directory of the repository";
        }

        return anchor is not null && target.EndsWith(".md", StringComparison.Ordinal) && !MarkdownDocument.Read(target).Anchors.Contains(anchor)
            ? "names no heading of its file"
            : null;
    }

    private static IEnumerable<string> TextFiles(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory).Where(IsText))
        {
            yield return file;
        }

        foreach (var child in Directory.EnumerateDirectories(directory).Where(d => !SkippedDirectories.Contains(Path.GetFileName(d))))
        {
            foreach (var file in TextFiles(child))
            {
                yield return file;
            }
        }
    }

    // A file whose first 8 KiB hold no NUL byte: images and other binaries are not read as text.
    private static bool IsText(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[8192];
        var read = stream.Read(head);
        return !head.AsSpan(0, read).Contains((byte)0);
    }
}
