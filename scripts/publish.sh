#!/bin/sh
# Atomic publish: build the site into a new release folder, then switch the
# symlink the web server serves in one rename(2), so that readers get either
# the old site or the new one — never a half-copied mix. Keeps the previous
# releases for an instant rollback.
#
#   scripts/publish.sh [options] TARGET
#
#   TARGET            the symlink the web server serves, e.g. /srv/www/gongkai
#                     (nginx: root /srv/www; the site lives under /gongkai/)
#   --keep N          releases to keep, the live one included (default 5)
#   --from DIR        publish an already built site (e.g. a CI artefact) instead of building
#   --releases DIR    where release folders go (default: TARGET's folder/.gongkai-releases);
#                     keep it outside the web root: old releases hold withdrawn pages
#   --rollback        point TARGET back to the release before the live one, and stop
#
# Environment: CONTENT_DIR, BASE and GONGKAI_NOW are passed to `npm run build`.
# Linux (GNU coreutils: `mv -T`, `ln -sfn`); on macOS install coreutils and use gmv.
set -eu

usage() {
	sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'
	exit "${1:-2}"
}

keep=5
from=''
releases=''
rollback=0
while [ $# -gt 0 ]; do
	case "$1" in
		--keep) keep=${2:?--keep needs a number}; shift 2 ;;
		--from) from=${2:?--from needs a folder}; shift 2 ;;
		--releases) releases=${2:?--releases needs a folder}; shift 2 ;;
		--rollback) rollback=1; shift ;;
		-h|--help) usage 0 ;;
		--) shift; break ;;
		-*) echo "unknown option: $1" >&2; usage ;;
		*) break ;;
	esac
done
[ $# -eq 1 ] || usage
target=${1%/}
case "$keep" in ''|*[!0-9]*) echo "--keep must be a number ≥ 1" >&2; exit 2 ;; esac
[ "$keep" -ge 1 ] || { echo "--keep must be a number ≥ 1" >&2; exit 2; }

parent=$(cd "$(dirname "$target")" && pwd)
target="$parent/$(basename "$target")"
releases=${releases:-"$parent/.gongkai-releases"}
mkdir -p "$releases"
releases=$(cd "$releases" && pwd)

# One publish at a time (the daily timer and a manual run may meet).
exec 9>"$releases/.lock"
if command -v flock >/dev/null 2>&1 && ! flock -n 9; then
	echo "another publish is running (lock: $releases/.lock)" >&2
	exit 1
fi

if [ -e "$target" ] && [ ! -L "$target" ]; then
	echo "$target exists and is not a symlink. Move it away once (e.g. mv $target $releases/initial && ln -s $releases/initial $target), then publish again." >&2
	exit 1
fi

# Switches TARGET to $1 atomically: a new link under a temporary name, renamed over the old one.
switch_to() {
	tmp_link="$target.new-$$"
	ln -sfn "$1" "$tmp_link"
	mv -T "$tmp_link" "$target"
}

current=$(readlink "$target" 2>/dev/null || true)

if [ "$rollback" -eq 1 ]; then
	previous=$(ls -1d "$releases"/*/ 2>/dev/null | sed 's:/$::' | sort | grep -vxF "$current" | awk -v c="$current" '$0 < c' | tail -n 1)
	[ -n "$previous" ] || { echo "no release before $current to roll back to" >&2; exit 1; }
	switch_to "$previous"
	echo "rolled back: $target -> $previous"
	exit 0
fi

name=$(date -u +%Y%m%dT%H%M%SZ)
rev=$(git -C "$(dirname "$0")/.." rev-parse --short HEAD 2>/dev/null || true)
[ -n "$rev" ] && name="$name-$rev"
[ -e "$releases/$name" ] && name="$name-$$"
release="$releases/$name"
partial="$releases/.partial-$name"
trap 'rm -rf "$partial"' EXIT INT TERM

if [ -n "$from" ]; then
	[ -f "$from/index.html" ] || { echo "$from has no index.html: not a built site" >&2; exit 1; }
	mkdir -p "$partial"
	cp -a "$from/." "$partial/"
else
	root=$(cd "$(dirname "$0")/.." && pwd)
	# The build stages and swaps inside the checkout; copy its result next to the releases after.
	out="$root/.gongkai/publish-$$"
	(cd "$root" && OUT_DIR="$out" npm run --silent build)
	mkdir -p "$partial"
	cp -a "$out/." "$partial/"
	rm -rf "$out"
fi

for required in index.html version.json; do
	[ -f "$partial/$required" ] || { echo "the new site has no $required: not publishing" >&2; exit 1; }
done

mv "$partial" "$release"
switch_to "$release"
echo "published: $target -> $release"

# Keep the newest $keep releases; never the live one, whatever its age.
ls -1d "$releases"/*/ 2>/dev/null | sed 's:/$::' | sort -r | tail -n +"$((keep + 1))" | while read -r old; do
	[ "$old" = "$release" ] && continue
	rm -rf "$old"
	echo "removed old release $(basename "$old")"
done
