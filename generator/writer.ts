/**
 * The writer print.ts prints ts-morph structures with: code-block-writer's
 * behaviour (ts-morph's writer, version 13) for the calls print.ts makes,
 * with four spaces, "\n" and whole indentation levels, without its costs on
 * a first run (a writer is made per statement; code-block-writer makes each
 * with some twenty property definitions, and splits every text it writes
 * with a regex). The rules are code-block-writer's, method for method: a line
 * is indented when it starts outside a string literal; which characters open
 * or close strings, comments and regular expressions is tracked as it does;
 * a hanging indentation takes effect after the next line break.
 * test/writer.test.ts holds the two equal, call for call, on random programs
 * of calls; test/print.test.ts holds print.ts equal to ts-morph.
 */

const BACK_SLASH = 92;
const FORWARD_SLASH = 47;
const NEW_LINE = 10;
const CARRIAGE_RETURN = 13;
const ASTERISK = 42;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BACK_TICK = 96;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const DOLLAR_SIGN = 36;

/** The characters that can change the state (code-block-writer's isCharToHandle). */
const HANDLED = new Uint8Array(128);
for (const c of [BACK_SLASH, FORWARD_SLASH, NEW_LINE, CARRIAGE_RETURN, ASTERISK, DOUBLE_QUOTE, SINGLE_QUOTE, BACK_TICK, OPEN_BRACE, CLOSE_BRACE]) HANDLED[c] = 1;

const INDENTATION = "    ";
const LINE_COMMENT = 0;
const STAR_COMMENT = 1;

function isRegExStart(current: number, past: number | undefined, pastPast: number | undefined): boolean {
  return past === FORWARD_SLASH && current !== FORWARD_SLASH && current !== ASTERISK && pastPast !== ASTERISK && pastPast !== FORWARD_SLASH;
}

export class Writer {
  private readonly texts: string[] = [];
  private length = 0;
  private indentation = 0;
  private queued: number | undefined = undefined;
  private newLineOnNextWrite = false;
  private comment: number | undefined = undefined;
  private readonly strings: number[] = [];
  private inRegEx = false;
  private firstLineOfBlock = true;

  /** Writes the text: each line indented where it starts outside a string, its line breaks as "\n". */
  write(text: string): this {
    this.newLineIfNewLineOnNextWrite();
    this.writeIndentingNewLines(text);
    return this;
  }

  conditionalWrite(condition: boolean | undefined, text: string): this {
    if (condition) this.write(text);
    return this;
  }

  /** Ends a comment it is in: a line comment with a line break, a block comment with its closing. */
  closeComment(): this {
    if (this.comment === LINE_COMMENT) this.newLine();
    else if (this.comment === STAR_COMMENT) {
      if (!this.isLastNewLine()) this.spaceIfLastNot();
      this.write("*/");
    }
    return this;
  }

  /** Runs `action` with the indentation one level deeper from the next line on; then as before. */
  hangingIndent(action: () => void): this {
    const current = this.indentation;
    const queued = this.queued;
    this.queued = this.indentation + 1;
    try {
      action();
    } finally {
      this.indentation = current;
      this.queued = queued;
    }
    return this;
  }

  inlineBlock(block: () => void): this {
    this.newLineIfNewLineOnNextWrite();
    this.write("{");
    this.indentBlock(block);
    this.newLineIfLastNot().write("}");
    return this;
  }

  private indentBlock(block: () => void): void {
    if (this.lastCharCode(0) !== undefined) this.newLineIfLastNot();
    this.indentation++;
    this.firstLineOfBlock = true;
    block();
    this.firstLineOfBlock = false;
    this.indentation = Math.max(0, this.indentation - 1);
  }

  newLineIfLastNot(): this {
    this.newLineIfNewLineOnNextWrite();
    if (!this.isLastNewLine()) this.newLine();
    return this;
  }

  blankLineIfLastNot(): this {
    if (!this.isLastBlankLine()) this.blankLine();
    return this;
  }

  blankLine(): this {
    return this.newLineIfLastNot().newLine();
  }

  conditionalNewLine(condition: boolean | undefined): this {
    if (condition) this.newLine();
    return this;
  }

  newLine(): this {
    this.newLineOnNextWrite = false;
    this.baseWriteNewline();
    return this;
  }

  spaceIfLastNot(): this {
    this.newLineIfNewLineOnNextWrite();
    if (this.lastCharCode(0) !== 32) this.writeIndentingNewLines(" ");
    return this;
  }

  space(): this {
    this.newLineIfNewLineOnNextWrite();
    this.writeIndentingNewLines(" ");
    return this;
  }

  getLength(): number {
    return this.length;
  }

  isAtStartOfFirstLineOfBlock(): boolean {
    return this.firstLineOfBlock && (this.isLastNewLine() || this.lastCharCode(0) === undefined);
  }

  isLastNewLine(): boolean {
    const c = this.lastCharCode(0);
    return c === NEW_LINE || c === CARRIAGE_RETURN;
  }

  /** The written characters from the last one back, until `action` answers (that answer), or undefined. */
  iterateLastCharCodes<T>(action: (charCode: number, index: number) => T | undefined): T | undefined {
    let index = this.length;
    for (let i = this.texts.length - 1; i >= 0; i--) {
      const text = this.texts[i]!;
      for (let j = text.length - 1; j >= 0; j--) {
        index--;
        const result = action(text.charCodeAt(j), index);
        if (result != null) return result;
      }
    }
    return undefined;
  }

  /** What was written from offset `start` on (the pieces it needs, not the whole text). */
  textFrom(start: number): string {
    let need = this.length - start;
    if (need <= 0) return "";
    const pieces: string[] = [];
    for (let i = this.texts.length - 1; i >= 0 && need > 0; i--) {
      const text = this.texts[i]!;
      pieces.push(need >= text.length ? text : text.slice(text.length - need));
      need -= text.length;
    }
    return pieces.reverse().join("");
  }

  toString(): string {
    if (this.texts.length > 1) {
      const text = this.texts.join("");
      this.texts.length = 0;
      this.texts.push(text);
    }
    return this.texts[0] ?? "";
  }

  private isLastBlankLine(): boolean {
    let found = 0;
    for (let i = this.texts.length - 1; i >= 0; i--) {
      const text = this.texts[i]!;
      for (let j = text.length - 1; j >= 0; j--) {
        const c = text.charCodeAt(j);
        if (c === NEW_LINE) {
          if (++found === 2) return true;
        } else if (c !== CARRIAGE_RETURN) return false;
      }
    }
    return false;
  }

  private isInString(): boolean {
    return this.strings.length > 0 && this.strings[this.strings.length - 1] !== OPEN_BRACE;
  }

  private writeIndentingNewLines(text: string): void {
    if (text.length === 0) {
      this.writeIndividual("");
      return;
    }
    let start = 0;
    for (;;) {
      const end = text.indexOf("\n", start);
      const line = end < 0 ? text.slice(start) : text.slice(start, end > start && text.charCodeAt(end - 1) === CARRIAGE_RETURN ? end - 1 : end);
      if (start > 0) this.baseWriteNewline();
      if (line.length > 0) this.writeIndividual(line);
      if (end < 0) return;
      start = end + 1;
    }
  }

  private writeIndividual(s: string): void {
    if (!this.isInString()) {
      const c = this.lastCharCode(0);
      if (c === NEW_LINE || c === CARRIAGE_RETURN || c === undefined) this.internalWrite(INDENTATION.repeat(this.indentation));
    }
    this.updateInternalState(s);
    this.internalWrite(s);
  }

  private baseWriteNewline(): void {
    if (this.comment === LINE_COMMENT) this.comment = undefined;
    const last = this.strings[this.strings.length - 1];
    if ((last === DOUBLE_QUOTE || last === SINGLE_QUOTE) && this.lastCharCode(0) !== BACK_SLASH) this.strings.pop();
    this.internalWrite("\n");
    this.firstLineOfBlock = false;
    if (this.queued !== undefined) {
      this.indentation = this.queued;
      this.queued = undefined;
    }
  }

  private newLineIfNewLineOnNextWrite(): void {
    if (!this.newLineOnNextWrite) return;
    this.newLineOnNextWrite = false;
    this.newLine();
  }

  private internalWrite(text: string): void {
    if (text.length === 0) return;
    this.texts.push(text);
    this.length += text.length;
  }

  /** The character `offset` places before the end (0: the last one). */
  private lastCharCode(offset: number): number | undefined {
    if (offset >= this.length || offset < 0) return undefined;
    for (let i = this.texts.length - 1; i >= 0; i--) {
      const text = this.texts[i]!;
      if (offset >= text.length) offset -= text.length;
      else return text.charCodeAt(text.length - 1 - offset);
    }
    return undefined;
  }

  private updateInternalState(str: string): void {
    for (let i = 0; i < str.length; i++) {
      const current = str.charCodeAt(i);
      if (current >= 128 || HANDLED[current] === 0) continue;
      const past = i === 0 ? this.lastCharCode(0) : str.charCodeAt(i - 1);
      const pastPast = i === 0 ? this.lastCharCode(1) : i === 1 ? this.lastCharCode(0) : str.charCodeAt(i - 2);
      if (this.inRegEx) {
        if ((past === FORWARD_SLASH && pastPast !== BACK_SLASH) || past === NEW_LINE) this.inRegEx = false;
        else continue;
      } else if (!this.isInString() && this.comment === undefined && isRegExStart(current, past, pastPast)) {
        this.inRegEx = true;
        continue;
      }
      if (!this.isInString()) {
        if (this.comment === undefined && past === FORWARD_SLASH && current === FORWARD_SLASH) this.comment = LINE_COMMENT;
        else if (this.comment === undefined && past === FORWARD_SLASH && current === ASTERISK) this.comment = STAR_COMMENT;
        else if (this.comment === STAR_COMMENT && past === ASTERISK && current === FORWARD_SLASH) this.comment = undefined;
      }
      if (this.comment !== undefined) continue;
      const last = this.strings.length === 0 ? undefined : this.strings[this.strings.length - 1];
      if (past !== BACK_SLASH && (current === DOUBLE_QUOTE || current === SINGLE_QUOTE || current === BACK_TICK)) {
        if (last === current) this.strings.pop();
        else if (last === OPEN_BRACE || last === undefined) this.strings.push(current);
      } else if (pastPast !== BACK_SLASH && past === DOLLAR_SIGN && current === OPEN_BRACE && last === BACK_TICK) {
        this.strings.push(current);
      } else if (current === CLOSE_BRACE && last === OPEN_BRACE) {
        this.strings.pop();
      }
    }
  }
}
