# Sourced by the run_*_bench.sh scripts, which all take BUILD_DIR OUT_MD:
#   source "$(dirname "$0")/bench_prelude.sh" NAME "$@"
# sets build (absolute), out, bench (the binary, which must exist), tmpdir
# (scratch on the build's disk: the disk the figures are about) and scratch
# (a temp file for the bench's raw output); both are removed on exit.
if [[ $# -ne 3 ]]; then
  echo "usage: $0 BUILD_DIR OUT_MD" >&2
  exit 64
fi
build=$(cd "$2" && pwd)
out=$3
bench="$build/bin/$1"
if [[ ! -x $bench ]]; then
  echo "$bench is missing: cmake --build $build --target $1" >&2
  exit 1
fi
tmpdir="$build/bench-tmp"
mkdir -p "$tmpdir"
scratch=$(mktemp)
trap 'rm -f "$scratch"; rmdir "$tmpdir" 2>/dev/null || true' EXIT
