#!/usr/bin/env bash
# The packed-consumer test (npm run test:consumer; in .ci/run): what a new user does.
#   npm pack → install the tarball (and typescript) into an empty app → the app's own npm script
#   generates the SignUp, InitiateAuth, ConfirmSignUp and GetUser subset of the cognito-idp corpus
#   → the app's own strict tsc (NodeNext, strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess)
#   → node runs a tiny program that builds a SignUp request and prints its body, and one that
#   imports the programmatic API (import { generate, writeOutput, checkOutput } from "cognito-codegen").
# Needs the corpus from $SHARED_DIR (default ../shared, relative to the repository) and the npm
# registry (or its cache) for the tarball's dependencies and typescript; nothing else from the network.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT="$PWD"
SHARED="$(cd "${SHARED_DIR:-../shared}" && pwd)"
CORPUS="$SHARED/corpus/cognito-idp/json-schema"
[ -d "$CORPUS" ] || { echo "test:consumer: no corpus at $CORPUS (set SHARED_DIR)" >&2; exit 1; }
TS_VERSION="$(node -p 'require("./package.json").devDependencies.typescript')"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/cognito-codegen-consumer-XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
APP="$WORK/app"
mkdir -p "$APP/src"

now() { date +%s%N; }
declare -a TIMINGS=()
step() { # step <name> <command…>: runs it, records how long it took
  local name="$1"; shift
  echo "== $name"
  local t0; t0="$(now)"
  "$@"
  local ms=$(( ($(now) - t0) / 1000000 ))
  TIMINGS+=("$(printf '%-40s %7d ms' "$name" "$ms")")
}
START="$(now)"

pack() {
  TARBALL="$WORK/$(npm pack --silent --pack-destination "$WORK" | tail -1)"
  echo "$TARBALL"
  # what a user gets: the CLI, the API with its types, the runtime sources, the config schema
  local listing; listing="$(tar -tzf "$TARBALL")"
  for f in package/dist/generator/cli.js package/dist/generator/index.js package/dist/generator/index.d.ts package/templates/runtime/http.ts package/schema/cognito-codegen.config.schema.json; do
    grep -qx "$f" <<<"$listing" || { echo "the package lacks $f" >&2; exit 1; }
  done
  if grep -q '^package/test/' <<<"$listing"; then echo "the package holds tests" >&2; exit 1; fi
}
step "npm pack" pack

cat >"$APP/package.json" <<JSON
{
  "name": "consumer-app",
  "version": "1.0.0",
  "private": true,
  "type": "module",
  "scripts": {
    "generate:cognito": "cognito-codegen generate --schemas $CORPUS --out src/cognito --operations SignUp,InitiateAuth,ConfirmSignUp,GetUser",
    "check:cognito": "cognito-codegen generate --schemas $CORPUS --out src/cognito --operations SignUp,InitiateAuth,ConfirmSignUp,GetUser --check",
    "build": "tsc -p tsconfig.json"
  }
}
JSON
cat >"$APP/tsconfig.json" <<'JSON'
{
  "compilerOptions": {
    "target": "ES2022",
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "strict": true,
    "exactOptionalPropertyTypes": true,
    "noUncheckedIndexedAccess": true,
    "noUnusedLocals": true,
    "noUnusedParameters": true,
    "verbatimModuleSyntax": true,
    "lib": ["ES2022"],
    "types": [],
    "outDir": "dist",
    "rootDir": "src"
  },
  "include": ["src"]
}
JSON
cat >"$APP/src/main.ts" <<'TS'
import { signUp } from "./cognito/cognito-idp/index.js";

const request = signUp().clientId("app-client").username("alice").password("correct horse battery staple").toHttpRequest({ region: "eu-west-1" });
console.log(request.body);
TS
cat >"$APP/src/api.ts" <<'TS'
import { checkOutput, generate, type GenerateOptions } from "cognito-codegen";

const options: GenerateOptions = { schemas: process.argv[2]!, operations: ["GetUser"] };
const result = await generate(options);
const report = await checkOutput("src/not-there", result.files);
console.log(`${result.files.length} files, ${report.details.length} differences`);
TS
# what the two programs use of Node, declared here rather than installing @types/node
cat >"$APP/src/node.d.ts" <<'TS'
declare const process: { readonly argv: readonly string[] };
declare const console: { log(...values: unknown[]): void };
TS

cd "$APP"
step "npm install (tarball, typescript)" npm install --no-audit --no-fund --prefer-offline --loglevel=error "$TARBALL" "typescript@$TS_VERSION"
step "npm run generate:cognito" npm run -s generate:cognito
step "tsc (strict, NodeNext)" npx --no-install tsc -p tsconfig.json
run_main() {
  local body; body="$(node dist/main.js)"
  echo "$body"
  local want='{"ClientId":"app-client","Username":"alice","Password":"correct horse battery staple"}'
  [ "$body" = "$want" ] || { echo "expected $want" >&2; exit 1; }
}
step "node: a SignUp request's body" run_main
run_api() {
  local out; out="$(node dist/api.js "$CORPUS")"
  echo "$out"
  grep -Eq '^[0-9]+ files, [0-9]+ differences$' <<<"$out" || { echo "unexpected output of the API program" >&2; exit 1; }
}
step "node: the programmatic API" run_api
step "npm run check:cognito (up to date)" npm run -s check:cognito
version_check() {
  local v; v="$(npx --no-install cognito-codegen --version)"
  [ "$v" = "$(node -p 'require("cognito-codegen/package.json").version')" ] || { echo "--version printed $v" >&2; exit 1; }
  echo "cognito-codegen $v"
}
step "cognito-codegen --version (the tool's)" version_check

echo
echo "== timings"
printf '%s\n' "${TIMINGS[@]}"
printf '%-40s %7d ms\n' "total" $(( ($(now) - START) / 1000000 ))
