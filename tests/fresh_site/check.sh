#!/usr/bin/env bash
# The plugin in a site it has never seen: build the wheel, create a site with
# `wagtail start`, install the wheel there, follow the "Steps" of docs/install.md
# (its settings.py, urls.py and shell blocks), then drive the running site over
# HTTP (drive.py). Any failure exits non-zero. PYTHON builds the wheel and the
# site's virtualenv (default python3).
set -euo pipefail

checkout="$(cd "$(dirname "$0")/../.." && pwd)"
here="$checkout/tests/fresh_site"
python="${PYTHON:-python3}"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

say() { printf -- '--- [%3d s] %s\n' "$((SECONDS - started))" "$*"; }
started=$SECONDS

say "Wheel of the plugin"
"$python" -m pip wheel --quiet --no-deps -w "$work/dist" "$checkout"
wheels=("$work"/dist/*.whl)
[ ${#wheels[@]} -eq 1 ] || { echo "expected one wheel, got: ${wheels[*]}" >&2; exit 1; }

say "A new site with the wheel installed"
"$python" -m venv "$work/venv"
export PATH="$work/venv/bin:$PATH"
# The portal's exact pins: what the other CI steps test, and in the pip cache.
pip install --quiet -c "$checkout/requirements.txt" "${wheels[0]}"
cd "$work"
wagtail start mysite
cd mysite

say "The steps of docs/install.md"
steps() { python "$here/install_steps.py" "$checkout/docs/install.md" "$1"; }
steps settings.py >>mysite/settings/base.py
steps urls.py >>mysite/urls.py
steps shell >"$work/steps.sh"
export DJANGO_SETTINGS_MODULE=mysite.settings.dev
bash -euo pipefail -x "$work/steps.sh"

say "Serving the site"
port="$(python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python manage.py runserver "127.0.0.1:$port" --noreload >"$work/server.log" 2>&1 &
server_pid=$!

say "Pages, both APIs, a view and a moderated comment"
if ! SERVER_PID="$server_pid" PYTHONPATH="$PWD" python "$here/drive.py" "http://127.0.0.1:$port"; then
  say "Server log"
  cat "$work/server.log"
  exit 1
fi
say "Fresh site checked"
