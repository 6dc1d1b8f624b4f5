using System.Text;
using System.Text.RegularExpressions;

namespace Reservations.UnitTests.Docs;

/// <summary>
/// A Markdown file of the repository as far as its links go: the targets of its inline links and images, and the
/// anchors its headings get (GitHub's slugs). Code blocks and code spans are not text, so what they show is not a link.
/// </summary>
internal sealed partial class MarkdownDocument
{
    private MarkdownDocument(string path, IReadOnlyList<string> links, IReadOnlySet<string> anchors)
    {
        Path = path;
        Links = links;
        Anchors = anchors;
    }

    public string Path { get; }

    /// <summary>Every inline link's and image's target, as written.</summary>
    public IReadOnlyList<string> Links { get; }

    public IReadOnlySet<string> Anchors { get; }

    public static MarkdownDocument Read(string path)
    {
        var links = new List<string>();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var slugCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var inFence = false;
        foreach (var line in File.ReadLines(path))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal) || line.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            var text = CodeSpan().Replace(line, match => match.Value.Trim('`'));
            var withoutCode = CodeSpan().Replace(line, string.Empty);
            links.AddRange(InlineLink().Matches(withoutCode).Select(match => match.Groups["target"].Value));
            if (Heading().Match(text) is { Success: true } heading)
            {
                var slug = Slug(heading.Groups["title"].Value);
                var seen = slugCounts.GetValueOrDefault(slug);
                slugCounts[slug] = seen + 1;
                anchors.Add(seen == 0 ? slug : $"{slug}-{seen}");
            }
        }

        return new MarkdownDocument(path, links, anchors);
    }

    // GitHub's anchor of a heading: its text as rendered, lower case, without punctuation, spaces as hyphens.
    private static string Slug(string title)
    {
        var rendered = InlineLink().Replace(title, match => match.Groups["text"].Value).Replace("*", string.Empty, StringComparison.Ordinal);
        var slug = new StringBuilder();
        foreach (var c in rendered.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"!?\[(?<text>[^\]]*)\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^#{1,6}\s+(?<title>.*?)\s*#*\s*$")]
    private static partial Regex Heading();
}
