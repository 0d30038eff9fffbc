#!/usr/bin/env bash
# Restore drill: proves that a backup of the database can be restored and is whole.
#
#   scripts/restore-drill.sh [--keep] [--tamper-history] [DATABASE_URL]
#
# 1. pg_dump (custom format) of the database (default: $DATABASE_URL, else postgres://postgres@127.0.0.1:5432/congress),
#    taken in a snapshot that stays open, so that the source's row counts below are those of the dump even while
#    the application writes;
# 2. pg_restore into a fresh database <source>_drill_<UTC timestamp>_<pid> on the same server;
# 3. compares the row count of every table, source (in the dump's snapshot) against the restored copy;
# 4. runs `node dist/backend/backend/src/cli.js verify-history` against the restored copy (every proposal's
#    hash-chained history recomputed);
# 5. drops the scratch database and the dump (--keep keeps both and prints where they are).
# Exits 0 when every count matches and every chain checks out, 1 on a mismatch or a broken chain, 2 on an error.
#
# --tamper-history   a drill of the drill: edits one history record of the restored copy before verifying
#                    (bypassing its append-only trigger), so verify-history must report it and the drill fails.
#
# Needs pg_dump, pg_restore and psql of the server's major version or newer, a role that may create databases
# (and extensions: the schema uses citext and pg_trgm), and the built backend (node scripts/build-backend.mjs;
# built here when missing).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
keep=0
tamper=0
source_url=""
for arg in "$@"; do
  case "$arg" in
    --keep) keep=1 ;;
    --tamper-history) tamper=1 ;;
    -h | --help)
      sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    -*)
      echo "restore-drill: unknown option $arg (see --help)" >&2
      exit 2
      ;;
    *) source_url="$arg" ;;
  esac
done
source_url="${source_url:-${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/congress}}"

for tool in pg_dump pg_restore psql node; do
  command -v "$tool" >/dev/null 2>&1 || { echo "restore-drill: $tool is not installed" >&2; exit 2; }
done
cli="$root/dist/backend/backend/src/cli.js"
if [ ! -f "$cli" ]; then
  echo "[drill] building the backend (dist is missing)"
  (cd "$root" && node scripts/build-backend.mjs) || { echo "restore-drill: the build failed" >&2; exit 2; }
fi

# postgres://user@host:port/db?params → the same server's `postgres` database, and the scratch database
base="${source_url%%\?*}"
query="${source_url#"$base"}"
server="${base%/*}"
source_db="${base##*/}"
if [ -z "$source_db" ] || [ "$server" = "$base" ]; then
  echo "restore-drill: cannot read a database name from $source_url" >&2
  exit 2
fi
stamp="$(date -u +%Y%m%d_%H%M%S)"
target_db="${source_db:0:36}_drill_${stamp}_$$"
admin_url="$server/postgres$query"
target_url="$server/$target_db$query"
redact() { sed -E 's#(://[^:/@]+):[^@]*@#\1:***@#'; }

work="$(mktemp -d "${TMPDIR:-/tmp}/restore-drill.XXXXXX")"
dump="$work/$source_db.dump"
created=0
cleanup() {
  local status=$?
  if [ -n "${snap_pid:-}" ]; then kill "$snap_pid" 2>/dev/null || true; fi
  if [ "$keep" = 1 ]; then
    [ "$created" = 1 ] && echo "[drill] kept: database $target_db ($(echo "$target_url" | redact)), dump $dump"
  else
    if [ "$created" = 1 ]; then
      psql "$admin_url" -X -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS \"$target_db\" WITH (FORCE)" >/dev/null 2>&1 ||
        echo "[drill] could not drop $target_db; drop it by hand" >&2
    fi
    rm -rf "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 2' INT TERM

count_sql="SELECT format('%I.%I', table_schema, table_name),
       (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', table_schema, table_name), false, true, '')))[1]::text::bigint
  FROM information_schema.tables
 WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
 ORDER BY 1;"

started=$(date +%s)
echo "[drill] source $(echo "$source_url" | redact)"

# 1. a snapshot held open by a psql session of its own: pg_dump reads it, and so do the source's counts
coproc SNAP { psql "$source_url" -X -q -A -t -F '|' -v ON_ERROR_STOP=1 2>&1; }
snap_pid=$SNAP_PID
echo "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT pg_export_snapshot();" >&"${SNAP[1]}"
IFS= read -r -t 30 snapshot <&"${SNAP[0]}" || { echo "restore-drill: could not open a snapshot of the source" >&2; exit 2; }
case "$snapshot" in
  [0-9A-F]*-*) ;;
  *) echo "restore-drill: could not open a snapshot of the source: $snapshot" >&2; exit 2 ;;
esac
pg_dump --format=custom --snapshot="$snapshot" --no-owner --no-privileges --file="$dump" "$source_url"
printf '%s\nSELECT %s;\n' "$count_sql" "'__end__'" >&"${SNAP[1]}"
: >"$work/source.counts"
while IFS= read -r -t 600 line <&"${SNAP[0]}"; do
  [ "$line" = "__end__" ] && break
  echo "$line" >>"$work/source.counts"
done
printf 'COMMIT;\n\\q\n' >&"${SNAP[1]}"
wait "$snap_pid" 2>/dev/null || true
snap_pid=""
echo "[drill] dump: $(du -h "$dump" | cut -f1) (custom format), snapshot $snapshot"

# 2. restore into a fresh database
psql "$admin_url" -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$target_db\" TEMPLATE template0" >/dev/null
created=1
pg_restore --exit-on-error --no-owner --no-privileges --dbname="$target_url" "$dump"
echo "[drill] restored into $target_db"

# 3. row counts, table by table
psql "$target_url" -X -q -A -t -F '|' -v ON_ERROR_STOP=1 -c "$count_sql" >"$work/restored.counts"
LC_ALL=C sort -t'|' -k1,1 "$work/source.counts" >"$work/a"
LC_ALL=C sort -t'|' -k1,1 "$work/restored.counts" >"$work/b"
LC_ALL=C join -t'|' -a1 -a2 -e'-' -o '0,1.2,2.2' "$work/a" "$work/b" >"$work/joined"
printf '%-40s %12s %12s\n' "table" "source" "restored"
awk -F'|' '{ printf "%-40s %12s %12s  %s\n", $1, $2, $3, ($2 == $3 && $2 != "-") ? "ok" : "MISMATCH" }' "$work/joined"
tables=$(wc -l <"$work/joined")
mismatches=$(awk -F'|' '$2 != $3 || $2 == "-"' "$work/joined" | wc -l)
echo "[drill] $tables table(s), $mismatches with a different row count"

# the drill of the drill: forge one history record of the copy
if [ "$tamper" = 1 ]; then
  forged=$(psql "$target_url" -X -q -A -t -v ON_ERROR_STOP=1 <<'SQL'
ALTER TABLE proposal_history DISABLE TRIGGER proposal_history_append_only;
UPDATE proposal_history SET payload = payload || '{"forged": true}'::jsonb
 WHERE id = (SELECT id FROM proposal_history ORDER BY id DESC LIMIT 1)
RETURNING id;
ALTER TABLE proposal_history ENABLE TRIGGER proposal_history_append_only;
SQL
  )
  forged="$(echo "$forged" | grep -E '^[0-9]+$' | head -n 1 || true)"
  [ -n "$forged" ] || { echo "restore-drill: --tamper-history found no history record to forge" >&2; exit 2; }
  echo "[drill] --tamper-history: forged history record $forged of the restored copy"
fi

# 4. the history chains of the restored copy
verify_status=0
(cd "$root" && DATABASE_URL="$target_url" LOG_LEVEL="${LOG_LEVEL:-warn}" node "$cli" verify-history) || verify_status=$?

elapsed=$(( $(date +%s) - started ))
if [ "$mismatches" = 0 ] && [ "$verify_status" = 0 ]; then
  echo "[drill] PASSED in ${elapsed} s: every table's row count matches, every history chain is intact"
  exit 0
fi
[ "$mismatches" = 0 ] || echo "[drill] FAILED: $mismatches table(s) differ between the source and the restored copy" >&2
[ "$verify_status" = 0 ] || echo "[drill] FAILED: verify-history found broken history chains in the restored copy (exit $verify_status)" >&2
exit 1
