#!/usr/bin/env bash
# P2p Lending — backs up the PostgreSQL database of finance_lending_data_postgres with pg_dump (custom format, compressed,
# restorable with scripts/restore-postgres.sh), then deletes this database's backups older than the retention.
#
#   DATABASE_URL=postgresql://USER:PASSWORD@HOST:5432/DB bash scripts/backup-postgres.sh [-d DIR] [-r DAYS]
#
#   -d DIR   where the backups go (default: $BACKUP_DIR, else ./backups)
#   -r DAYS  delete this database's backups older than DAYS days; 0 keeps every backup
#            (default: $BACKUP_RETENTION_DAYS, else 14)
#
# DATABASE_URL is the data service's own (postgresql+asyncpg://... is accepted as well). The backup is written as
# DIR/<database>-<UTC timestamp>.dump and its path printed on stdout. pg_dump must be at least the server's version.
set -euo pipefail

usage() {
  echo "usage: $0 [-d DIR] [-r DAYS]" >&2
  sed -n '2,12s/^# \{0,1\}//p' "$0" >&2
  exit "${1:-2}"
}

backup_dir=${BACKUP_DIR:-./backups}
retention_days=${BACKUP_RETENTION_DAYS:-14}
while getopts ':d:r:h' option; do
  case $option in
    d) backup_dir=$OPTARG ;;
    r) retention_days=$OPTARG ;;
    h) usage 0 ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))
[ $# -eq 0 ] || usage

if [ -z "${DATABASE_URL:-}" ]; then
  echo "backup-postgres: set DATABASE_URL to the database to back up" >&2
  usage
fi
case $retention_days in
  '' | *[!0-9]*) echo "backup-postgres: the retention must be a number of days, not '$retention_days'" >&2; exit 2 ;;
esac

# libpq understands postgresql://, not SQLAlchemy's driver suffix.
url=${DATABASE_URL/#postgresql+asyncpg:/postgresql:}
url=${url/#postgres:/postgresql:}
without_query=${url%%\?*}
database=${without_query##*/}
if [ -z "$database" ] || [ "$database" = "$without_query" ]; then
  echo "backup-postgres: DATABASE_URL names no database" >&2
  exit 2
fi

mkdir -p "$backup_dir"
timestamp=$(date -u +%Y%m%dT%H%M%SZ)
target=$backup_dir/$database-$timestamp.dump
partial=$target.partial
trap 'rm -f "$partial"' EXIT

# A partial file never looks like a backup: it is renamed only once pg_dump succeeded.
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$partial" --dbname="$url"
mv "$partial" "$target"
echo "$target"

if [ "$retention_days" -gt 0 ]; then
  find "$backup_dir" -maxdepth 1 -type f -name "$database-*.dump" -mtime "+$((retention_days - 1))" -print -delete \
    | sed 's/^/backup-postgres: deleted (older than the retention): /' >&2
fi
