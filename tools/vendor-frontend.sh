#!/usr/bin/env bash
# Refreshes the vendored NL Design System files in src/Meldroute.Web/wwwroot/lib from the npm registry,
# exactly at the versions pinned in src/Meldroute.Web/frontend-packages.json. Needs node and npm; the app does not.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
manifest="$root/src/Meldroute.Web/frontend-packages.json"
lib="$root/src/Meldroute.Web/wwwroot/lib"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node -e '
  const m = require(process.argv[1]).packages;
  for (const [name, p] of Object.entries(m)) console.log(name, p.version, p.files.join(","));
' "$manifest" | while read -r name version files; do
  (cd "$work" && npm pack --silent "$name@$version" >/dev/null)
  tgz="$work/$(echo "${name#@}" | tr '/' '-')-$version.tgz"
  dest="$lib/${name#@}"
  rm -rf "$dest"; mkdir -p "$dest" "$work/x"
  tar xzf "$tgz" -C "$work/x"
  IFS=',' read -ra list <<<"$files"
  for f in "${list[@]}"; do install -D -m 0644 "$work/x/package/$f" "$dest/$(basename "$f")"; done
  echo "$version" > "$dest/VERSION"
  rm -rf "$work/x"
  echo "vendored $name@$version"
done
