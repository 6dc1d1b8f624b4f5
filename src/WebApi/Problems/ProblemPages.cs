using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Reservations.WebApi.Problems;

/// <summary>The HTML page of every problem type and of their list, rendered once, each with an ETag of its content.</summary>
internal static partial class ProblemPages
{
    public sealed record Page(string Html, string ETag);

    public static Page List { get; } = Render("Problem types", ListBody());

    private static readonly FrozenDictionary<string, Page> ByCode = ProblemCatalog.All.ToFrozenDictionary(
        t => t.Code, t => Render(t.Title, TypeBody(t)), StringComparer.Ordinal);

    public static Page Of(ProblemType type) => ByCode[type.Code];

    private static string StatusText(int? status) => status?.ToString(CultureInfo.InvariantCulture) ?? "the status of the response";

    private static string TypeBody(ProblemType type) => $"""
            <h1>{Encode(type.Title)}</h1>
            <dl>
              <dt>type</dt><dd><code>{Encode(ProblemCodes.TypeOf(type.Code))}</code></dd>
              <dt>status</dt><dd>{StatusText(type.Status)}</dd>
            </dl>
            <h2>Cause</h2>
            <p>{Text(type.Cause)}</p>
            <h2>What to do</h2>
            <p>{Text(type.Action)}</p>
        """;

    private static string ListBody() =>
        "    <h1>Problem types</h1>\n    <p>Every problem the API answers is <code>application/problem+json</code> whose "
        + $"<code>type</code> is <code>{ProblemCodes.TypePrefix}&lt;code&gt;</code>: its page is here, at "
        + "<code>/problems/&lt;code&gt;</code>.</p>\n    <ul>\n"
        + string.Concat(ProblemCatalog.All.OrderBy(t => t.Code, StringComparer.Ordinal).Select(t =>
            $"      <li><a href=\"/problems/{t.Code}\">{Encode(t.Code)}</a> ({StatusText(t.Status)}): {Encode(t.Title)}</li>\n"))
        + "    </ul>";

    private static Page Render(string title, string body)
    {
        var html = $"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <title>{Encode(title)} — Reservations API</title>
              <link rel="icon" href="/favicon.svg" type="image/svg+xml">
              <link rel="stylesheet" href="/css/site.css">
            </head>
            <body>
              <header class="bar">
                <nav aria-label="Pages"><a href="/">Storefront</a> · <a href="/problems">Problem types</a> · <a href="/scalar">API explorer</a></nav>
              </header>
              <main>
            {body}
              </main>
            </body>
            </html>

            """;
        return new Page(html, $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html)))[..16]}\"");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    // The catalog marks names, routes and settings with backticks, as Markdown does: they read as code on the page.
    private static string Text(string text) => Backticked().Replace(Encode(text), "<code>$1</code>");

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();
}
