#!/bin/sh
# Værktøjer uden for Python, som testene bruger: tmux (terminaltest), OpenSSH's
# server og klient (en rigtig SSH-session på 127.0.0.1), ss (hvad lytter sshd på),
# markdownlint-cli2 (eksporten skal være ren) og taplo (svarfiler mod JSON-skemaet).
# Installeres kun, hvis de mangler.
set -e
need_apt=""
command -v tmux >/dev/null 2>&1 || need_apt="$need_apt tmux"
[ -x /usr/sbin/sshd ] || need_apt="$need_apt openssh-server"
command -v ssh >/dev/null 2>&1 || need_apt="$need_apt openssh-client"
command -v ss >/dev/null 2>&1 || need_apt="$need_apt iproute2"
command -v npm >/dev/null 2>&1 || need_apt="$need_apt npm"
if [ -n "$need_apt" ]; then
    if [ "$(id -u)" = "0" ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need_apt >/dev/null
    else
        echo "Mangler:$need_apt (installér med apt-get som root)" >&2
        exit 1
    fi
fi
if [ ! -x tests/node_modules/.bin/markdownlint-cli2 ] || [ ! -x tests/node_modules/.bin/taplo ]; then
    (cd tests && npm install --silent --no-audit --no-fund >/dev/null)
fi
