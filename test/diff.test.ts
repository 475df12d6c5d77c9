import { execFileSync } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newFileSummary, unifiedDiff, unifiedHunks } from "../generator/diff.js";
import { prng } from "./prng.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "cognito-codegen-diff-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** GNU diff's hunks (without the two file lines). */
async function gnu(before: string, after: string, minimal = false): Promise<string[]> {
  await writeFile(path.join(dir, "a"), before);
  await writeFile(path.join(dir, "b"), after);
  try {
    execFileSync("diff", ["-u", ...(minimal ? ["--minimal"] : []), path.join(dir, "a"), path.join(dir, "b")], { encoding: "utf8" });
    return [];
  } catch (e) {
    return ((e as { stdout: string }).stdout.split("\n").slice(2, -1));
  }
}

/** Applies hunks to a text, checking every header's counts and every context line. */
function apply(before: string, hunks: readonly string[]): string {
  const split = (t: string) => (t === "" ? [] : t.split(/(?<=\n)/));
  // lines with their line feeds, so that a missing last one is kept as it is
  const lines = split(before);
  const out: string[] = [];
  let at = 0;
  for (let i = 0; i < hunks.length; ) {
    const h = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$/.exec(hunks[i]!);
    if (!h) throw new Error(`not a hunk header: ${hunks[i]}`);
    const countA = h[2] === undefined ? 1 : Number(h[2]);
    const countB = h[4] === undefined ? 1 : Number(h[4]);
    const startA = countA === 0 ? Number(h[1]) : Number(h[1]) - 1;
    while (at < startA) out.push(lines[at++]!);
    let seenA = 0;
    let seenB = 0;
    for (i++; i < hunks.length && !hunks[i]!.startsWith("@@"); i++) {
      const l = hunks[i]!;
      const open = hunks[i + 1] === "\\ No newline at end of file";
      if (l.startsWith("\\")) continue;
      const text = l.slice(1) + (open ? "" : "\n");
      if (l[0] === " " || l[0] === "-") {
        expect(lines[at]).toBe(text);
        seenA++;
        at++;
      }
      if (l[0] === " " || l[0] === "+") {
        out.push(text);
        seenB++;
      }
    }
    expect([seenA, seenB]).toEqual([countA, countB]);
  }
  while (at < lines.length) out.push(lines[at++]!);
  return out.join("");
}

const changedLines = (hunks: readonly string[]) => hunks.filter((l) => /^[-+]/.test(l)).length;

describe("unified diffs", () => {
  it("print hunks as diff -u does: three lines of context, @@ -a,b +c,d @@ headers", async () => {
    const before = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join("\n") + "\n";
    const after = before.replace("line 5\n", "line five\n").replace("line 20\n", "").replace("line 28\n", "line 28\nnew\n");
    const hunks = unifiedHunks(before, after);
    expect(hunks).toEqual(await gnu(before, after));
    expect(hunks.slice(0, 9)).toEqual(["@@ -2,7 +2,7 @@", " line 2", " line 3", " line 4", "-line 5", "+line five", " line 6", " line 7", " line 8"]);
  });

  it.each([
    ["an empty file", "", "a\nb\n"],
    ["to an empty file", "a\nb\n", ""],
    ["one line", "a\n", "b\n"],
    ["a lost last line feed", "a\nb\n", "a\nb"],
    ["a gained last line feed", "a\nb", "a\nb\n"],
    ["changes two context spans apart (one hunk)", "1\n2\n3\n4\n5\n6\n7\n8\n9\n", "x\n2\n3\n4\n5\n6\n7\ny\n9\n"],
    ["changes further apart (two hunks)", "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "x\n2\n3\n4\n5\n6\n7\n8\n9\ny\n"],
  ])("%s: like GNU diff", async (_name, before, after) => {
    expect(unifiedHunks(before, after)).toEqual(await gnu(before, after));
  });

  it("random edits: a minimal diff that applies, as short as GNU diff --minimal's", async () => {
    const random = prng(7);
    const words = ["a", "b", "c", "d", "e"];
    for (let round = 0; round < 60; round++) {
      const before = Array.from({ length: Math.floor(random() * 40) }, () => words[Math.floor(random() * words.length)]!);
      const after = before.flatMap((w) => {
        const r = random();
        return r < 0.1 ? [] : r < 0.2 ? [w, words[Math.floor(random() * words.length)]!] : r < 0.3 ? ["z"] : [w];
      });
      const a = before.join("\n") + (before.length && random() < 0.8 ? "\n" : "");
      const b = after.join("\n") + (after.length && random() < 0.8 ? "\n" : "");
      const hunks = unifiedHunks(a, b);
      expect(apply(a, hunks)).toBe(b);
      expect(changedLines(hunks)).toBe(changedLines(await gnu(a, b, true)));
    }
  });

  it("is empty for equal texts; names the file on --- and +++ lines", () => {
    expect(unifiedHunks("a\n", "a\n")).toEqual([]);
    expect(unifiedDiff("svc/a.ts", "a\n", "b\n").split("\n").slice(0, 3)).toEqual(["--- svc/a.ts (on disk)", "+++ svc/a.ts (generated now)", "@@ -1 +1 @@"]);
  });

  it("summarizes a new file by its size and first lines", () => {
    const text = Array.from({ length: 25 }, (_, i) => `l${i}`).join("\n") + "\n";
    expect(newFileSummary("svc/client.ts", text, 3)).toBe("+++ svc/client.ts (new file, 25 lines)\n+l0\n+l1\n+l2\n+… (22 more lines)");
  });

  it("stays fast and correct for large, very different files", () => {
    const a = Array.from({ length: 20_000 }, (_, i) => `a${i}`).join("\n") + "\n";
    const b = Array.from({ length: 20_000 }, (_, i) => `b${i}`).join("\n") + "\n";
    const started = Date.now();
    const hunks = unifiedHunks(a, b);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(apply(a, hunks)).toBe(b);
  });
});
