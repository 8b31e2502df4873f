#!/bin/sh
# Værktøjer uden for Python, som testene bruger: tmux (terminaltest) og
# markdownlint-cli2 (eksporten skal være ren). Installeres kun, hvis de mangler.
set -e
need_apt=""
command -v tmux >/dev/null 2>&1 || need_apt="$need_apt tmux"
if [ -n "$need_apt" ]; then
    if [ "$(id -u)" = "0" ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need_apt >/dev/null
    else
        echo "Mangler:$need_apt (installér med apt-get som root)" >&2
        exit 1
    fi
fi
if [ ! -x tests/node_modules/.bin/markdownlint-cli2 ]; then
    (cd tests && npm install --silent --no-audit --no-fund >/dev/null)
fi
