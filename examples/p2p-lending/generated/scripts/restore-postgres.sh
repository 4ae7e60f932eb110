#!/usr/bin/env bash
# P2p Lending — restores a backup of scripts/backup-postgres.sh into a named database on the server of
# DATABASE_URL, creating the database when it does not exist.
#
#   DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/DB bash scripts/restore-postgres.sh [--force] BACKUP.dump TARGET_DB
#
#   --force  restore into a database that exists already: every object of the backup is dropped and recreated
#            (rows added since the backup are lost). Without it an existing TARGET_DB is refused.
#
# Restoring into a new database (for example p2p_lending_restored) and pointing DATABASE_URL at it once checked
# is the safe path (docs/runbooks/database-restore.md when rendered with the runbooks). The role of DATABASE_URL
# needs CREATEDB to create TARGET_DB.
set -euo pipefail

usage() {
  echo "usage: $0 [--force] BACKUP.dump TARGET_DB" >&2
  sed -n '2,13s/^# \{0,1\}//p' "$0" >&2
  exit "${1:-2}"
}

force=false
arguments=()
for argument in "$@"; do
  case $argument in
    --force) force=true ;;
    -h | --help) usage 0 ;;
    -*) echo "restore-postgres: unknown option $argument" >&2; usage ;;
    *) arguments+=("$argument") ;;
  esac
done
[ ${#arguments[@]} -eq 2 ] || usage
backup=${arguments[0]}
target_database=${arguments[1]}

if [ -z "${DATABASE_URL:-}" ]; then
  echo "restore-postgres: set DATABASE_URL to a database on the server to restore into" >&2
  usage
fi
if [ ! -f "$backup" ]; then
  echo "restore-postgres: no backup file $backup" >&2
  exit 2
fi
case $target_database in
  '' | *[!A-Za-z0-9_]*) echo "restore-postgres: the target database name may hold letters, digits and _ only" >&2; exit 2 ;;
esac

url=${DATABASE_URL/#postgresql+asyncpg:/postgresql:}
url=${url/#postgres:/postgresql:}
without_query=${url%%\?*}
query=${url#"$without_query"}
target_url=${without_query%/*}/$target_database$query

# Checks the backup is one pg_restore can read before touching any database.
pg_restore --list "$backup" >/dev/null

exists=$(psql --dbname="$url" --no-psqlrc --tuples-only --no-align --set=ON_ERROR_STOP=1 \
  --set=name="$target_database" <<'SQL'
SELECT count(*) FROM pg_database WHERE datname = :'name';
SQL
)
if [ "$exists" = 1 ]; then
  if [ "$force" != true ]; then
    echo "restore-postgres: database $target_database exists; pass --force to overwrite its objects" >&2
    exit 1
  fi
else
  psql --dbname="$url" --no-psqlrc --quiet --set=ON_ERROR_STOP=1 --set=name="$target_database" <<'SQL'
CREATE DATABASE :"name";
SQL
  echo "restore-postgres: created database $target_database" >&2
fi

pg_restore --dbname="$target_url" --clean --if-exists --no-owner --no-privileges --exit-on-error --single-transaction \
  "$backup"
echo "restore-postgres: restored $backup into $target_database" >&2
