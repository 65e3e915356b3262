# Sourced by scripts/app and scripts/test: installs whatever this machine lacks
# (Debian/Ubuntu packages, Rust, the front end's npm packages, tauri-driver),
# and sets the shared build directory. Safe to run again: it only installs what is missing.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Builds live outside the clone so a fresh clone (CI's) reuses earlier compiles.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/regulars/target}"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Packages needed to build and run the app (webkit2gtk 4.1 is Tauri 2's WebView on Linux).
APP_PACKAGES=(ca-certificates build-essential pkg-config curl file libssl-dev libwebkit2gtk-4.1-dev
  libxdo-dev libayatana-appindicator3-dev librsvg2-dev)
# And to drive the real app in tests: a virtual display, a private D-Bus session,
# WebKit's WebDriver, a real notification daemon, xclip to read the clipboard,
# and a window manager (openbox, driven by wmctrl/xdotool) to close the window.
TEST_PACKAGES=(webkit2gtk-driver xvfb xauth dbus dbus-x11 dunst xclip openbox wmctrl xdotool)

ensure_packages() {
  command -v dpkg >/dev/null || { echo "This script installs packages on Debian/Ubuntu; see README.md for other systems." >&2; exit 1; }
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing system packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# The Rust version Cargo.toml asks for (rust-version).
RUST_MIN="$(sed -n 's/^rust-version = "\(.*\)"/\1/p' Cargo.toml | head -1)"

version_at_least() { # version_at_least HAVE NEED
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -1)" = "$2" ]
}

ensure_rust() {
  export PATH="$HOME/.cargo/bin:$PATH"
  local have=""
  command -v rustc >/dev/null && have="$(rustc --version | awk '{print $2}')"
  if [ -z "$have" ] || ! version_at_least "$have" "$RUST_MIN"; then
    if command -v rustup >/dev/null; then
      say "Updating Rust (have ${have:-none}, need $RUST_MIN)"
      rustup toolchain install stable --profile minimal -c clippy,rustfmt && rustup default stable
    else
      say "Installing Rust with rustup (have ${have:-none}, need $RUST_MIN)"
      curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c clippy,rustfmt
    fi
  fi
  # Components are separate under rustup; add them if this toolchain lacks them.
  if command -v rustup >/dev/null; then
    cargo fmt --version >/dev/null 2>&1 || rustup component add rustfmt
    cargo clippy --version >/dev/null 2>&1 || rustup component add clippy
  fi
}

# Vite 7 needs Node 20.19+ (or 22.12+). Distributions often ship older ones, so
# when the system's is too old we install Node 22 from the npm registry (the
# `node` package carries the binary) into a private folder, not system-wide.
PRIVATE_NODE="${XDG_CACHE_HOME:-$HOME/.cache}/regulars/node"

node_ok() {
  command -v node >/dev/null && command -v npm >/dev/null &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit((a===20&&b>=19)||(a===22&&b>=12)||a>22?0:1)'
}

ensure_node() {
  export PATH="$PRIVATE_NODE/node_modules/.bin:$PATH"
  node_ok && return
  command -v npm >/dev/null || ensure_packages nodejs npm
  say "Installing Node 22 into $PRIVATE_NODE (the system's is $(node --version 2>/dev/null || echo missing))"
  npm install --prefix "$PRIVATE_NODE" --no-audit --no-fund --loglevel=error node@22
  hash -r
  node_ok || { echo "Could not set up Node 20.19+/22.12+; install a current Node (nodejs.org) and retry." >&2; exit 1; }
}

ensure_ui_packages() {
  # Reinstall only when the lock file changed since the last install.
  if [ ! -f ui/node_modules/.package-lock.json ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
    say "Installing the front end's npm packages"
    # `npm install`, not `npm ci`: it keeps the lock's versions but tolerates a lock
    # that lacks other platforms' optional binaries (rollup, tauri-cli). Such a lock is
    # all a machine whose registry serves only its own platform's binaries can write,
    # and `npm ci` rejects it.
    (cd ui && npm install --no-audit --no-fund --loglevel=error)
  fi
}

ensure_tauri_driver() {
  export PATH="$HOME/.cargo/bin:$PATH"
  if ! command -v tauri-driver >/dev/null; then
    say "Installing tauri-driver"
    cargo install tauri-driver --version '^2' --locked --quiet
  fi
}
