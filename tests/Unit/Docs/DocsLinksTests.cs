using System.Text.RegularExpressions;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.UnitTests.Docs;

/// <summary>
/// The README and docs/ link only to what the repository holds, and nothing in the repository points at a document
/// outside it.
/// </summary>
public partial class DocsLinksTests
{
    // Markdown the repository's own tools write at run time (the load simulator's report, under .local/bench).
    private static readonly string[] GeneratedDocuments = ["summary.md"];

    private static readonly string[] SkippedDirectories = [".git", "bin", "obj", ".local", "node_modules"];

    // Third-party files kept as they were published: their texts are not the project's.
    private static readonly string[] VendoredPaths =
        ["tests/Integration/Browser/Assets/", "tests/Integration/Kiota/Client/", "tests/Integration/OpenApi/lint/package-lock.json"];

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
        // This file's own fixtures name made-up pages.
        var self = Path.Combine(Repository.Root, "tests", "Unit", "Docs", "DocsLinksTests.cs");
        var files = TextFiles(Repository.Root).Where(path => !IsVendored(path)).ToList();
        var held = files.Where(path => path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Select(path => Path.GetFileName(path)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var references = files.Where(path => path != self)
            .SelectMany(path => OutsideReferences(path, File.ReadAllText(path), held, Repository.Root)
                .Select(reference => $"{Path.GetRelativePath(Repository.Root, path)}: {reference}"))
            .ToList();

        references.Should().BeEmpty();
    }

    [Fact]
    public void AReferenceOutsideTheRepository_IsReported()
    {
        var root = Directory.CreateTempSubdirectory("docs-outside-");
        try
        {
            var path = Path.Combine(root.FullName, "notes.txt");
            var text = "see ../elsewhere/rules.txt, the PLAN.md beside the repository, and ./docs/kept.md";

            OutsideReferences(path, text, new HashSet<string>(["kept.md"], StringComparer.OrdinalIgnoreCase), root.FullName)
                .Should().Equal("../elsewhere/rules.txt points outside the repository", "PLAN.md is no document of the repository");
        }
        finally
        {
            root.Delete(recursive: true);
        }
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

    // Relative paths that climb out of the repository, and Markdown documents it does not hold.
    private static IEnumerable<string> OutsideReferences(string path, string text, HashSet<string> held, string root)
    {
        foreach (Match climb in Climbs().Matches(text))
        {
            var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, climb.Value));
            if (target != root && !target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                yield return $"{climb.Value} points outside the repository";
            }
        }

        foreach (var name in MarkdownNames().Matches(text).Select(m => m.Value).Distinct())
        {
            if (!held.Contains(name) && !GeneratedDocuments.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                yield return $"{name} is no document of the repository";
            }
        }
    }

    private static bool IsVendored(string path)
    {
        var relative = Path.GetRelativePath(Repository.Root, path).Replace('\\', '/');
        return VendoredPaths.Any(vendored => relative.StartsWith(vendored, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"(?:\.\./)+[\w.-]+(?:/[\w.-]+)*")]
    private static partial Regex Climbs();

    [GeneratedRegex(@"\b[\w-]+\.md\b", RegexOptions.IgnoreCase)]
    private static partial Regex MarkdownNames();

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
