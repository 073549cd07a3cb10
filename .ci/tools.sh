# Installs what building and testing need, skipping whatever is already there.
# Sourced by .ci/serve and .ci/test; every step fails loudly.
set -euo pipefail

export PATH="$HOME/.cargo/bin:$PATH"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132.0.0"

step() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The wasm-bindgen version Cargo.lock pins; the CLI and Trunk.toml must equal it.
locked_wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    echo "wasm32-unknown-unknown: installed"
  else
    step "installing the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
    echo "trunk $TRUNK_VERSION: installed"
  else
    step "installing trunk $TRUNK_VERSION (takes about 8 minutes)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

ensure_wasm_bindgen() {
  local version
  version="$(locked_wasm_bindgen_version)"
  [ -n "$version" ] || { echo "no wasm-bindgen in Cargo.lock" >&2; exit 1; }
  if ! grep -q "^wasm_bindgen = \"$version\"$" "$ROOT/Trunk.toml"; then
    echo "Trunk.toml's wasm_bindgen must equal Cargo.lock's wasm-bindgen $version" >&2
    exit 1
  fi
  if wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $version"; then
    echo "wasm-bindgen-cli $version: installed"
  else
    step "installing wasm-bindgen-cli $version"
    # Not --locked: the registry here lacks one crate that its lockfile names.
    cargo install wasm-bindgen-cli --version "=$version" --force
  fi
}

ensure_wasm_opt() {
  if wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*} "; then
    echo "wasm-opt ${BINARYEN_VERSION%%.*}: installed"
  else
    step "installing wasm-opt from npm's binaryen@$BINARYEN_VERSION"
    as_root npm install --global --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
  fi
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_wasm_opt
}

ensure_chromium() {
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    echo "chromium and chromedriver: installed"
  else
    step "installing Debian's chromium and chromium-driver"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  fi
  export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
  # wasm-bindgen-test stops a test binary after 20 s by default; the largest one runs longer
  # (each test waits out the previous app's autosave before clearing the store).
  export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-300}"
}

ensure_e2e_packages() {
  local dir="$ROOT/tests/e2e"
  if [ -d "$dir/node_modules/playwright-core" ] && [ -d "$dir/node_modules/axe-core" ]; then
    echo "playwright-core and axe-core: installed"
  else
    step "installing the end-to-end test packages (playwright-core, axe-core; no browser download)"
    (cd "$dir" && npm ci --no-audit --no-fund)
  fi
}

SPACY_VERSION="3.8.18"
SPACY_VENV="$ROOT/target/spacy-venv"

# spaCy from PyPI in a virtualenv under target/ (rebuilt from scratch on a clean clone), to
# check that the spaCy, CoNLL and Prodigy exports load in spaCy 3.
ensure_spacy() {
  if "$SPACY_VENV/bin/python" -c "import spacy, sys; sys.exit(spacy.__version__ != '$SPACY_VERSION')" 2>/dev/null; then
    echo "spaCy $SPACY_VERSION: installed"
  else
    step "installing spaCy $SPACY_VERSION from PyPI into target/spacy-venv"
    python3 -m venv --clear "$SPACY_VENV"
    "$SPACY_VENV/bin/pip" install --quiet --disable-pip-version-check "spacy==$SPACY_VERSION"
  fi
  # seqeval checks the tagger's scores (tests/tagger/check_seqeval.sh).
  if "$SPACY_VENV/bin/python" -c "import seqeval" 2>/dev/null; then
    echo "seqeval: installed"
  else
    step "installing seqeval from PyPI into target/spacy-venv"
    "$SPACY_VENV/bin/pip" install --quiet --disable-pip-version-check "seqeval==1.2.2"
  fi
  # pyld and jsonschema check the W3C export against the model and a JSON-LD processor
  # (tests/w3c/check.py).
  if "$SPACY_VENV/bin/python" -c "import pyld, jsonschema" 2>/dev/null; then
    echo "pyld and jsonschema: installed"
  else
    step "installing pyld and jsonschema from PyPI into target/spacy-venv"
    "$SPACY_VENV/bin/pip" install --quiet --disable-pip-version-check "PyLD==3.3.0" "jsonschema==4.26.0"
  fi
  # nervaluate and scikit-learn (which seqeval brings) check the agreement figures
  # (tests/agreement/check_references.py).
  if "$SPACY_VENV/bin/python" -c "import nervaluate, sklearn" 2>/dev/null; then
    echo "nervaluate: installed"
  else
    step "installing nervaluate from PyPI into target/spacy-venv"
    "$SPACY_VENV/bin/pip" install --quiet --disable-pip-version-check "nervaluate==1.2.1" "scikit-learn"
  fi
}
