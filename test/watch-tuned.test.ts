/**
 * --watch in a process of its own with a larger young generation
 * (generator/v8-tuning.ts watchTuned): started with the flags, passed the
 * signals, gone with the process that started it; not started when node was
 * given a semi-space size. Reads the processes' command lines from /proc
 * (Linux, as CI).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { WATCH_SEMI_SPACE_MB } from "../generator/v8-tuning.js";
import { MINI_IDP, tempDir, writeSchemas } from "./helpers/schemas.js";

const root = path.resolve(import.meta.dirname, "..");
const cli = path.join(root, "dist/generator/cli.js");
/** Where a process's children are listed (Linux with CONFIG_PROC_CHILDREN, as CI): elsewhere these tests are skipped. */
const linux = existsSync(`/proc/${process.pid}/task/${process.pid}/children`);

const started: ChildProcess[] = [];
const temps: string[] = [];
afterEach(async () => {
  for (const c of started.splice(0)) c.kill("SIGKILL");
  for (const t of temps.splice(0)) await rm(t, { recursive: true, force: true });
});

async function until(what: string, test: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (test()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** The processes whose parent is `pid`, with their command lines. */
function children(pid: number): { readonly pid: number; readonly args: readonly string[] }[] {
  const tasks = `/proc/${pid}/task`;
  if (!existsSync(tasks)) return [];
  const ids = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  return ids.map((id) => ({ pid: id, args: readFileSync(`/proc/${id}/cmdline`, "utf8").split("\0").filter(Boolean) }));
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function watching(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; out: () => string; exited: Promise<number | null> }> {
  const dir = await tempDir("cognito-codegen-watch-tuned-");
  temps.push(dir);
  await writeSchemas(path.join(dir, "schemas"), MINI_IDP);
  const child = spawn(process.execPath, [cli, "generate", "--watch", "--out", "o"], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
  started.push(child);
  let stdout = "";
  child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  await until("the first run", () => stdout.includes("(Ctrl-C stops)"));
  return { child, out: () => stdout, exited };
}

const env = (): NodeJS.ProcessEnv => {
  const e = { ...process.env };
  delete e["FORCE_COLOR"];
  delete e["NODE_OPTIONS"];
  return e;
};

describe.runIf(linux)("--watch in a tuned process", () => {
  it("watches in a process started with the larger young generation (and gc exposed, to collect it between runs), which SIGINT stops (exit 0, one stop)", async () => {
    const { child, out, exited } = await watching(env());
    const [tuned, ...more] = children(child.pid!);
    expect(more).toEqual([]);
    expect(tuned!.args).toEqual(expect.arrayContaining([`--max-semi-space-size=${WATCH_SEMI_SPACE_MB}`, `--min-semi-space-size=${WATCH_SEMI_SPACE_MB}`, "--expose-gc", cli, "generate", "--watch"]));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(out().split("[watch] stopped").length - 1).toBe(1);
    await until("the tuned process to end", () => !alive(tuned!.pid));
  });

  it("the tuned process stops when the one that started it is killed", async () => {
    const { child } = await watching(env());
    const [tuned] = children(child.pid!);
    expect(tuned).toBeDefined();
    child.kill("SIGKILL");
    await until("the tuned process to end", () => !alive(tuned!.pid), 10_000);
  });

  it("no second process under a debugger: the process debugged watches", async () => {
    const { child, exited } = await watching({ ...env(), NODE_OPTIONS: "--inspect=127.0.0.1:0" });
    expect(children(child.pid!)).toEqual([]);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("no second process when node was given a semi-space size", async () => {
    const { child, exited } = await watching({ ...env(), NODE_OPTIONS: "--max-semi-space-size=32" });
    expect(children(child.pid!)).toEqual([]);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
