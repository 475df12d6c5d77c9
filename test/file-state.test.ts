/**
 * A file's stat standing for its contents (generator/file-state.ts), and the
 * two readers that use it under --watch: the input files (re-read only when
 * changed) and the output files (compared without reading them back).
 */
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { fileState, unchangedSince, type StatTimes } from "../generator/file-state.js";
import { generate, type InputCache } from "../generator/index.js";
import { writeOutput, type KnownFiles } from "../generator/write.js";
import { MINI_IDP, tempDir, writeSchemas } from "./helpers/schemas.js";

const temps: string[] = [];
afterEach(async () => {
  for (const t of temps.splice(0)) await rm(t, { recursive: true, force: true });
});
const temp = async (): Promise<string> => {
  const dir = await tempDir();
  temps.push(dir);
  return dir;
};

/** Longer than the margin of a file system with fine times (50 ms): what was written before is settled. */
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 120));

/** A stat with these times (ns) and size. */
function stats(mtimeNs: bigint, ctimeNs: bigint, size = 10n, ino = 7n): StatTimes {
  return { ino, size, mtimeNs, ctimeNs, mtimeMs: mtimeNs / 1_000_000n, ctimeMs: ctimeNs / 1_000_000n };
}

describe("fileState", () => {
  const t = 1_700_000_000_123_456_789n;
  const ms = Number(t / 1_000_000n);

  it("a file system with fine times: settled 50 ms after the last change", () => {
    expect(fileState(stats(t, t), ms + 40).settled).toBe(false);
    expect(fileState(stats(t, t), ms + 60).settled).toBe(true);
    // the later of the two times counts (a rename, a chmod: the change time)
    expect(fileState(stats(t - 10_000_000_000n, t), ms + 40).settled).toBe(false);
  });

  it("times of whole seconds (FAT, HFS+, ext3): settled only 2 s after", () => {
    const whole = (t / 1_000_000_000n) * 1_000_000_000n;
    const at = Number(whole / 1_000_000n);
    expect(fileState(stats(whole, whole), at + 1_500).settled).toBe(false);
    expect(fileState(stats(whole, whole), at + 2_100).settled).toBe(true);
  });

  it("a future time (a clock ahead, an archive's times) is never settled", () => {
    expect(fileState(stats(t, t), ms - 5_000).settled).toBe(false);
  });

  it("unchanged: the same signature, and the earlier state settled", () => {
    const a = fileState(stats(t, t), ms + 100);
    expect(unchangedSince(a, fileState(stats(t, t), ms + 200))).toBe(true);
    expect(unchangedSince(a, fileState(stats(t, t, 11n), ms + 200))).toBe(false);
    expect(unchangedSince(a, fileState(stats(t, t + 1n), ms + 200))).toBe(false);
    expect(unchangedSince(a, fileState(stats(t, t, 10n, 8n), ms + 200))).toBe(false);
    expect(unchangedSince(fileState(stats(t, t), ms + 10), fileState(stats(t, t), ms + 200))).toBe(false);
    expect(unchangedSince(undefined, a)).toBe(false);
  });
});

describe("the input files under a cache (--watch)", () => {
  /** The bytes the cache holds for a file, by its path. */
  const held = (cache: InputCache, file: string): unknown => {
    const entry = cache.get(`bytes\0${path.resolve(file)}`);
    return entry !== undefined && "state" in entry ? entry.bytes : undefined;
  };

  it("an unchanged file is not read again; a changed one is, even within the same second and at the same size", async () => {
    const dir = await writeSchemas(await temp(), MINI_IDP);
    const username = path.join(dir, "cognito-idp-username-type-schema.json");
    const clientId = path.join(dir, "cognito-idp-client-id-type-schema.json");
    await settle();
    const cache: InputCache = new Map();
    const first = await generate({ schemas: dir, inputCache: cache, artifacts: ["types"] });
    const before = held(cache, clientId);
    expect(before).toBeInstanceOf(Buffer);

    // the same size: only the stat's times (and the bytes) tell
    const text = await readFile(username, "utf8");
    const edited = text.replace('"maxLength": 128', '"maxLength": 127');
    expect(edited.length).toBe(text.length);
    await writeFile(username, edited);
    const second = await generate({ schemas: dir, inputCache: cache, artifacts: ["types"] });
    expect(held(cache, clientId)).toBe(before);
    expect(second.files.find((f) => f.path.endsWith("types.ts"))!.contents).toContain("@maxLength 127");
    expect(first.files.find((f) => f.path.endsWith("types.ts"))!.contents).toContain("@maxLength 128");

    // and again at once, back to the first bytes: a change a moment after the last one is seen too
    await writeFile(username, text);
    const third = await generate({ schemas: dir, inputCache: cache, artifacts: ["types"] });
    expect(third.files).toEqual(first.files);
  });
});

describe("the output files under known files (--watch)", () => {
  it("compares an unchanged file with what was read before, and sees a file changed behind its back", async () => {
    const out = await temp();
    const files = [
      { path: "a.ts", contents: "// Generated by cognito-codegen 0.0.0\nexport const a = 1;\n" },
      { path: "b.ts", contents: "// Generated by cognito-codegen 0.0.0\nexport const b = 2;\n" },
    ];
    const known: KnownFiles = new Map();
    expect((await writeOutput(out, files, { known })).written).toEqual(["a.ts", "b.ts"]);
    // just written: not kept (read again next time, when settled)
    expect(known.size).toBe(0);
    await settle();
    expect((await writeOutput(out, files, { known })).unchanged).toEqual(["a.ts", "b.ts"]);
    const a = path.join(out, "a.ts");
    expect(known.get(a)?.contents).toBe(files[0]!.contents);
    expect(known.get(a)?.state.settled).toBe(true);

    // changed behind the writer's back, at the same size: its stat tells
    await writeFile(a, files[0]!.contents.replace("= 1", "= 9"));
    await settle();
    const report = await writeOutput(out, files, { known });
    expect(report.written).toEqual(["a.ts"]);
    expect(report.unchanged).toEqual(["b.ts"]);
    expect(await readFile(a, "utf8")).toBe(files[0]!.contents);

    // removed behind its back: written again
    await rm(path.join(out, "b.ts"));
    expect((await writeOutput(out, files, { known })).written).toEqual(["b.ts"]);
    expect((await stat(path.join(out, "b.ts"))).isFile()).toBe(true);
  });
});
