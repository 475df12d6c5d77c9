/**
 * generator/writer.ts against code-block-writer (ts-morph's writer), call for
 * call: random programs of the calls print.ts makes, over texts full of what
 * changes the writer's state (quotes, template literals and their `${`,
 * comments, regular expressions, line breaks, backslashes), give the same text
 * and the same answers at every step.
 */
import CodeBlockWriter from "code-block-writer";
import { describe, expect, it } from "vitest";
import { Writer } from "../generator/writer.js";
import { prng } from "./prng.js";

const FRAGMENTS = ["a", "b c", " ", "\n", "\r\n", "\n\n", '"', "'", "`", "${", "}", "{", "\\", "//", "/*", "*/", "/", "*", "x = /re/g", "$", "// c\n", "/* d */", "`t ${x} u`", '"s\\"q"', "\t", "=> {", ");"];

/** The calls print.ts makes, as both writers have them. */
interface Calls {
  write(text: string): unknown;
  conditionalWrite(condition: boolean, text: string): unknown;
  newLine(): unknown;
  newLineIfLastNot(): unknown;
  blankLine(): unknown;
  blankLineIfLastNot(): unknown;
  space(): unknown;
  spaceIfLastNot(): unknown;
  closeComment(): unknown;
  conditionalNewLine(condition: boolean): unknown;
  hangingIndent(action: () => void): unknown;
  inlineBlock(action: () => void): unknown;
  getLength(): number;
  isLastNewLine(): boolean;
  isAtStartOfFirstLineOfBlock(): boolean;
  iterateLastCharCodes<T>(action: (charCode: number, index: number) => T | undefined): T | undefined;
  toString(): string;
}

type Step = (w: Calls, answers: unknown[]) => void;

/** Runs the steps, noting after each what the writer answers. */
function exec(steps: readonly Step[], w: Calls, answers: unknown[]): void {
  for (const step of steps) {
    step(w, answers);
    answers.push([w.getLength(), w.isLastNewLine(), w.isAtStartOfFirstLineOfBlock(), w.iterateLastCharCodes((c, i) => (c === 125 || c === 32 ? i : undefined)) ?? -1]);
  }
}

function program(random: () => number, depth: number): Step[] {
  const text = (): string => {
    let t = "";
    const n = 1 + Math.floor(random() * 4);
    for (let i = 0; i < n; i++) t += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)]!;
    return random() < 0.05 ? "" : t;
  };
  const steps: Step[] = [];
  const count = 1 + Math.floor(random() * 8);
  for (let k = 0; k < count; k++) {
    const r = random();
    if (r < 0.35) {
      const t = text();
      steps.push((w) => w.write(t));
    } else if (r < 0.45) {
      const flag = random() < 0.5;
      const t = text();
      steps.push((w) => w.conditionalWrite(flag, t));
    } else if (r < 0.5) steps.push((w) => w.newLine());
    else if (r < 0.55) steps.push((w) => w.newLineIfLastNot());
    else if (r < 0.6) steps.push((w) => w.blankLine());
    else if (r < 0.63) steps.push((w) => w.blankLineIfLastNot());
    else if (r < 0.67) steps.push((w) => w.space());
    else if (r < 0.71) steps.push((w) => w.spaceIfLastNot());
    else if (r < 0.76) steps.push((w) => w.closeComment());
    else if (r < 0.79) {
      const flag = random() < 0.5;
      steps.push((w) => w.conditionalNewLine(flag));
    } else if (depth < 3 && r < 0.9) {
      const inner = program(random, depth + 1);
      steps.push((w, answers) => w.hangingIndent(() => exec(inner, w, answers)));
    } else if (depth < 3) {
      const inner = program(random, depth + 1);
      steps.push((w, answers) => w.inlineBlock(() => exec(inner, w, answers)));
    }
  }
  return steps;
}

/** One writer, one program: its text and what it answered along the way. */
function outcome(steps: readonly Step[], w: Calls): { text: string; answers: unknown[] } {
  const answers: unknown[] = [];
  exec(steps, w, answers);
  return { text: w.toString(), answers };
}

describe("writer.ts", () => {
  it("gives what was written from an offset on, as the whole text's end", () => {
    const random = prng(5);
    for (let n = 0; n < 500; n++) {
      const w = new Writer();
      const starts: number[] = [];
      exec(program(random, 0), w, []);
      for (let k = 0; k < 4; k++) starts.push(Math.floor(random() * (w.getLength() + 2)) - 1);
      const pieces = starts.map((start) => w.textFrom(start));
      const whole = w.toString();
      starts.forEach((start, k) => expect(pieces[k], `program ${n}, from ${start}`).toBe(start >= whole.length ? "" : whole.slice(Math.max(0, start))));
    }
  });

  it("writes what code-block-writer writes and answers as it does, on 3,000 random programs", () => {
    const random = prng(11);
    let texts = 0;
    for (let n = 0; n < 3_000; n++) {
      const steps = program(random, 0);
      const ours = outcome(steps, new Writer());
      const theirs = outcome(steps, new CodeBlockWriter({ indentNumberOfSpaces: 4, useTabs: false, newLine: "\n", useSingleQuote: false }));
      expect(ours.text, `program ${n}`).toBe(theirs.text);
      expect(ours.answers, `program ${n}`).toEqual(theirs.answers);
      if (theirs.text.includes("\n    ")) texts++;
    }
    // the programs reach indented lines (blocks, hanging indentation), not only flat text
    expect(texts).toBeGreaterThan(500);
  });
});
