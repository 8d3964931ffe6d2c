"""Markdown to HTML for the plugin's reference, with the standard library only.

The reference (docs/algorithms.md, docs/method.md) uses a small part of Markdown, and this
converter reads that part: ATX headings, paragraphs (a line ending in two spaces breaks the
line), '-' and '1.' lists with indented continuation lines, fenced code blocks, pipe
tables, `code`, **bold**, *italic* and [links](url). Headings get ids: an algorithm's
heading (it names `megaregion:<name>`) gets ``megaregion-<name>``, the anchor of its Help
button; other headings a slug of their text, as GitHub makes them.

    /usr/bin/python3 scripts/md_html.py docs/method.md > method.html
"""
import html
import re
import sys

STYLE = """
body { font-family: "Noto Sans", "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; max-width: 60rem;
       margin: 1.5rem auto; padding: 0 1rem; line-height: 1.5; color: #222; }
h1, h2, h3 { line-height: 1.25; } h2 { border-bottom: 1px solid #ddd; padding-bottom: .2rem; margin-top: 2.2rem; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; background: #f4f4f4; padding: 0 .2rem; }
pre { background: #f4f4f4; padding: .6rem; overflow-x: auto; } pre code { padding: 0; }
table { border-collapse: collapse; margin: .6rem 0; } th, td { border: 1px solid #ccc; padding: .25rem .5rem;
       vertical-align: top; text-align: left; } th { background: #f0f0f0; }
nav { font-size: .95rem; } nav a { margin-right: 1rem; }
"""

_ALGORITHM_ID = re.compile(r"`megaregion:([a-z0-9_]+)`")
_LIST_ITEM = re.compile(r"^(\s*)(?:[-*]|\d+\.)\s+(.*)$")
_ORDERED = re.compile(r"^\s*\d+\.\s")


def _href(target):
    """A link to another page of the reference: its HTML rendering ('method.md#x' -> 'method.html#x')."""
    if "://" in target:
        return target
    return re.sub(r"\.md(?=$|#)", ".html", target)


def slug(text):
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces to '-'."""
    text = re.sub(r"[`*]", "", text).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def inline(text):
    """Inline Markdown of one line or paragraph as HTML (code spans are left as they are)."""
    parts = re.split(r"(`[^`]*`)", text)
    out = []
    for part in parts:
        if part.startswith("`") and part.endswith("`") and len(part) >= 2:
            out.append(f"<code>{html.escape(part[1:-1], quote=False)}</code>")
            continue
        part = html.escape(part, quote=False)
        part = re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)",
                      lambda m: f'<a href="{html.escape(_href(m.group(2)))}">{m.group(1)}</a>', part)
        part = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", part, flags=re.S)
        part = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<em>\1</em>", part, flags=re.S)
        out.append(part)
    return "".join(out)


def _cells(line):
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    cells = re.split(r"(?<!\\)\|", line)
    return [c.strip().replace("\\|", "|") for c in cells]


def _paragraph(lines):
    # a line ending in two spaces breaks the line; emphasis may run across lines
    marked = [line.strip() + ("\x00" if line.endswith("  ") and i < len(lines) - 1 else "")
              for i, line in enumerate(lines)]
    return "<p>" + inline("\n".join(marked)).replace("\x00", "<br>") + "</p>"


def _list(items, ordered):
    tag = "ol" if ordered else "ul"
    body = "".join(f"<li>{inline(' '.join(item))}</li>\n" for item in items)
    return f"<{tag}>\n{body}</{tag}>"


def render_body(markdown):
    """The HTML of a Markdown text (without the page around it)."""
    lines = markdown.splitlines()
    out, i = [], 0
    used = set()
    while i < len(lines):
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if line.startswith("```"):
            block = []
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                block.append(lines[i])
                i += 1
            i += 1
            out.append("<pre><code>" + html.escape("\n".join(block), quote=False) + "</code></pre>")
            continue
        heading = re.match(r"^(#{1,6})\s+(.*?)\s*#*$", line)
        if heading:
            level, text = len(heading.group(1)), heading.group(2)
            algorithm = _ALGORITHM_ID.search(text)
            anchor = f"megaregion-{algorithm.group(1)}" if algorithm else slug(text)
            base, n = anchor, 1
            while anchor in used:
                anchor, n = f"{base}-{n}", n + 1
            used.add(anchor)
            out.append(f'<h{level} id="{anchor}">{inline(text)}</h{level}>')
            i += 1
            continue
        if line.lstrip().startswith("|") and i + 1 < len(lines) and re.match(r"^\s*\|?\s*:?-{3,}", lines[i + 1]):
            header = _cells(line)
            i += 2
            rows = []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(_cells(lines[i]))
                i += 1
            head = "".join(f"<th>{inline(c)}</th>" for c in header)
            body = "".join("<tr>" + "".join(f"<td>{inline(c)}</td>" for c in row) + "</tr>\n" for row in rows)
            out.append(f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>")
            continue
        item = _LIST_ITEM.match(line)
        if item:
            ordered = bool(_ORDERED.match(line))
            items = []
            while i < len(lines) and lines[i].strip():
                item = _LIST_ITEM.match(lines[i])
                if item and len(item.group(1)) < 2:
                    items.append([item.group(2).strip()])
                elif items:
                    items[-1].append(lines[i].strip())
                i += 1
            out.append(_list(items, ordered))
            continue
        block = []
        while i < len(lines) and lines[i].strip() and not lines[i].startswith(("#", "```")) \
                and not (lines[i].lstrip().startswith("|") and block == []):
            if block and _LIST_ITEM.match(lines[i]) and not lines[i].startswith(" "):
                break
            block.append(lines[i])
            i += 1
        out.append(_paragraph(block))
    return "\n".join(out) + "\n"


def render_page(markdown, title, nav=()):
    """A whole HTML page; ``nav``: (label, href) links shown above the text."""
    links = "".join(f'<a href="{html.escape(href)}">{html.escape(label)}</a>' for label, href in nav)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body>\n"
        + (f"<nav>{links}</nav>\n" if links else "")
        + render_body(markdown)
        + "</body></html>\n"
    )


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        text = handle.read()
    sys.stdout.write(render_page(text, sys.argv[1]))
