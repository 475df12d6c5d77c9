/**
 * AWS documentation strings are HTML fragments (`<p>`, `<a href>`, `<code>`,
 * `<ul><li>`, `<note>` …). Doc comments want plain text with light Markdown:
 * paragraphs, `- ` list items, `` `code` ``, `[text](url)`.
 *
 * Text without any tag is taken as plain text: its own line breaks are kept.
 */
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body.toLowerCase()] ?? whole;
  });
}

const BLOCK = new Set(["p", "div", "note", "important", "section", "h1", "h2", "h3", "h4", "h5", "h6", "dl", "dt", "dd", "ul", "ol", "table", "tr", "pre"]);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g;

export function looksLikeHtml(text: string): boolean {
  TAG.lastIndex = 0;
  return TAG.test(text);
}

function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(attrs);
  return m ? decodeEntities(m[1] ?? m[2] ?? m[3] ?? "") : undefined;
}

/** Plain text: line breaks normalized, trailing spaces and runs of blank lines removed. */
function tidyPlain(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/[ \t]+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Converted descriptions, by their HTML: a corpus repeats many, and --watch converts the same ones on every run. */
const converted = new Map<string, string>();
const CONVERTED_MAX = 50_000;

export function htmlToText(input: string): string {
  let text = converted.get(input);
  if (text === undefined) {
    text = convert(input);
    if (converted.size >= CONVERTED_MAX) converted.clear();
    converted.set(input, text);
  }
  return text;
}

function convert(input: string): string {
  if (!looksLikeHtml(input)) return tidyPlain(decodeEntities(input));
  const out: string[] = [];
  const links: { href: string | undefined; start: number }[] = [];
  const lists: { ordered: boolean; n: number }[] = [];
  let last = 0;
  const pushText = (raw: string): void => {
    const text = decodeEntities(raw).replace(/\s+/g, " ");
    if (text.trim() !== "") afterMarker = false;
    out.push(text);
  };
  let afterMarker = false;
  const breakLine = (blank: boolean): void => {
    // `<li><p>x</p></li>`: the paragraph inside an item does not start a new line
    // inside a list, a paragraph is just a new line
    if (!afterMarker) out.push(blank && lists.length === 0 ? "\u0000P" : "\u0000L");
  };
  TAG.lastIndex = 0;
  for (let m = TAG.exec(input); m; m = TAG.exec(input)) {
    pushText(input.slice(last, m.index));
    last = TAG.lastIndex;
    const closing = m[1] === "/";
    const name = m[2]!.toLowerCase();
    const attrs = m[3] ?? "";
    if (name === "br") breakLine(false);
    else if (name === "li") {
      if (!closing) {
        const list = lists[lists.length - 1];
        breakLine(false);
        out.push(list?.ordered ? `${++list.n}. ` : "- ");
        afterMarker = true;
      }
    } else if (name === "ul" || name === "ol") {
      if (closing) lists.pop();
      breakLine(true);
      if (!closing) lists.push({ ordered: name === "ol", n: 0 });
    } else if (BLOCK.has(name)) breakLine(true);
    else if (name === "code") out.push("`");
    else if (name === "b" || name === "strong") out.push("**");
    else if (name === "i" || name === "em") out.push("_");
    else if (name === "a") {
      if (!closing) links.push({ href: attribute(attrs, "href"), start: out.length });
      else {
        const link = links.pop();
        if (link?.href) {
          const label = out.splice(link.start).join("").trim();
          out.push(label && label !== link.href ? `[${label}](${link.href})` : link.href);
        }
      }
    }
    // other tags are dropped, their text kept
  }
  pushText(input.slice(last));
  // assemble: a paragraph marker wins over a line marker; spaces around breaks go
  const joined = out.join("");
  return joined
    .replace(/ *(?:\u0000[PL] *)+/g, (run) => (run.includes("\u0000P") ? "\n\n" : "\n"))
    .split("\n")
    .map((l) => l.replace(/^ +| +$/g, "").replace(/^(- |\d+\. ) +/, "$1"))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
