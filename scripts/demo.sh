#!/usr/bin/env bash
# Installs what is needed, builds, and starts the kiosk in demo mode: simulated reader,
# synthetic residents, state in ~/.local/share/onewindow-demo. On a desktop it opens a window
# (use the discreet "演示/Demo" tab at the bottom left to place a card). Without a display it
# runs offscreen and takes commands on stdin (type "help" … see docs/demo.md), writing
# screenshots where you ask.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh default
args=(--demo "$@")
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-$(mktemp -d /tmp/onewindow-runtime.XXXXXX)}"
chmod 0700 "$XDG_RUNTIME_DIR"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  export QT_QPA_PLATFORM=offscreen
  echo "No display found: the kiosk runs offscreen. Type \"help\" for commands, e.g. place 0 | remove |"
  echo "screenshot /tmp/kiosk.png | quit"
  args+=(--sim-control)
else
  args+=(--window-size 720x1280)
fi
exec build/default/bin/onewindow-kiosk "${args[@]}"
