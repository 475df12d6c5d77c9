import path from "node:path";

/** The one setting through which tests reach ../shared (the corpus, the JSON Schema Test Suite). */
export const SHARED_DIR = path.resolve(import.meta.dirname, "../..", process.env["SHARED_DIR"] ?? "../shared");
