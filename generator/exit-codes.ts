/**
 * What `cognito-codegen` exits with, so that CI can tell drift from bad input
 * from a file-system problem. README.md documents the same table.
 */
export const EXIT = {
  /** Generated (or checked) and up to date. */
  ok: 0,
  /** `--check` found the output folder out of date (drift). */
  drift: 1,
  /** Bad input or usage: a schema, the config, an override, an unknown option or operation. Nothing was written. */
  input: 2,
  /** The file system refused: the output folder holds files the generator did not write (or another job's), no permission, not a folder, disk full. */
  fileSystem: 3,
  /** A bug of the generator: please report it with the message. */
  internal: 4,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** For --help and README (each line under 80 characters, so it is not wrapped). */
export const EXIT_TABLE: readonly (readonly [ExitCode, string])[] = [
  [EXIT.ok, "ok: generated, or --check found the output up to date"],
  [EXIT.drift, "drift: --check found the output out of date"],
  [EXIT.input, "bad input or usage (schemas, config, options); nothing was written"],
  [EXIT.fileSystem, "file system: a file in the way, no permission, not a folder, disk full"],
  [EXIT.internal, "internal error (a bug: please report it)"],
];
