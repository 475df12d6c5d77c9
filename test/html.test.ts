import { describe, expect, it } from "vitest";
import { decodeEntities, htmlToText, looksLikeHtml } from "../generator/html.js";

describe("htmlToText", () => {
  it.each([
    ["paragraphs", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."],
    ["a link", 'See <a href="https://example.test/a?b=1&amp;c=2">the guide</a>.', "See [the guide](https://example.test/a?b=1&c=2)."],
    ["a link whose text is its address", '<a href="https://x.test">https://x.test</a>', "https://x.test"],
    ["a link without href keeps its text", "<a name=x>anchor</a> text", "anchor text"],
    ["code and emphasis", "<p>Set <code>MfaConfiguration</code> to <b>ON</b> or <i>OPTIONAL</i>.</p>", "Set `MfaConfiguration` to **ON** or _OPTIONAL_."],
    ["an unordered list", "<ul><li><p>a</p></li><li><p>b</p></li></ul>", "- a\n- b"],
    ["list items with white space around their paragraphs", "<ul> <li> <p> <b>email</b>: x</p> </li> <li> <p>y</p> </li> </ul>", "- **email**: x\n- y"],
    ["an ordered list", "<ol><li>first</li><li>second</li></ol>", "1. first\n2. second"],
    ["a list between paragraphs", "<p>Either:</p><ul><li>x</li></ul><p>Done.</p>", "Either:\n\n- x\n\nDone."],
    ["AWS <note> blocks", "<p>Text.</p><note><p>Careful.</p></note>", "Text.\n\nCareful."],
    ["line breaks", "one<br/>two<br>three", "one\ntwo\nthree"],
    ["unknown tags are dropped, their text kept", "<p><span class='x'>kept</span> <fullname>AWS</fullname></p>", "kept AWS"],
    ["white space collapses as in HTML", "<p>a\n   b\t c</p>", "a b c"],
    ["an attribute value with >", '<a href="x>y">t</a>', "[t](x>y)"],
    ["an unclosed paragraph", "<p>open", "open"],
    ["entities", "<p>&lt;tag&gt; &amp; &quot;q&quot; &#39;s&#39; &#x263A; &nbsp;x</p>", "<tag> & \"q\" 's' ☺ x"],
  ])("%s", (_name, html, text) => {
    expect(htmlToText(html)).toBe(text);
  });

  it("leaves text with no tags as plain text: a lone < is not a tag", () => {
    expect(looksLikeHtml("a < b and c > d")).toBe(false);
    expect(htmlToText("a < b\n\n\nc")).toBe("a < b\n\nc");
  });

  it("decodes numeric entities only when they name a character", () => {
    expect(decodeEntities("&#0; &#x110000; &bogus; &#65;")).toBe("&#0; &#x110000; &bogus; A");
  });
});
