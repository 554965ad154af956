#!/usr/bin/env bash
# Regenerates the one migration of each provider, Initial, from the current model, and both new-database scripts
# (NewDatabase.sql), with the commands of docs/architecture.md → "Data". For while the migrations are still squashed
# into Initial (no installation yet): after a change that leaves the model's shape alone but makes the model snapshot
# stale, such as entity classes moved to another namespace. Run from anywhere: bash tools/regenerate-initial-migration.sh
#
# Initial holds no hand-written SQL: the squash carried none over (the old migrations' only custom SQL changed existing
# rows). Custom SQL for objects the model does not describe goes into a later migration of its own, and then this
# script refuses to run: Initial is regenerated only while it is the only migration.
set -euo pipefail
web="$(cd "$(dirname "$0")/.." && pwd)/src/Meldroute.Web"
cd "$web"
migrations=Infrastructure/Data/Migrations

for provider in Sqlite Postgres; do
  others=$(find "$migrations/$provider" -maxdepth 1 -name '*.cs' ! -name '*_Initial.cs' ! -name '*_Initial.Designer.cs' ! -name '*ModelSnapshot.cs')
  if [ -n "$others" ]; then
    echo "$migrations/$provider has migrations besides Initial; add a migration instead (docs/architecture.md):" >&2
    echo "$others" >&2
    exit 1
  fi
done

dotnet tool restore
dotnet restore --verbosity quiet
for provider in Sqlite Postgres; do
  rm -f "$migrations/$provider"/*_Initial.cs "$migrations/$provider"/*_Initial.Designer.cs "$migrations/$provider"/*ModelSnapshot.cs
done

# The first command builds the project without either migration; the second needs no build of its own.
dotnet ef migrations add Initial --context SqliteMeldrouteDbContext --output-dir "$migrations/Sqlite" --namespace Meldroute.Web.Infrastructure.Data.Migrations.Sqlite
dotnet ef migrations add Initial --no-build --context PostgresMeldrouteDbContext --output-dir "$migrations/Postgres" --namespace Meldroute.Web.Infrastructure.Data.Migrations.Postgres
# With no snapshot to follow, EF Core writes a new one under a folder named after the namespace (Meldroute/Web/...);
# it belongs beside its migrations.
for provider in Sqlite Postgres; do
  snapshot="${provider}MeldrouteDbContextModelSnapshot.cs"
  written=$(find . \( -path ./bin -o -path ./obj \) -prune -o -name "$snapshot" -print)
  if [ "$written" != "./$migrations/$provider/$snapshot" ]; then
    mv "$written" "$migrations/$provider/$snapshot"
    rmdir -p "$(dirname "$written")" 2>/dev/null || true
  fi
done
# The scripts need a build with both new migrations: the first builds it.
dotnet ef migrations script --no-transactions --context SqliteMeldrouteDbContext -o "$migrations/Sqlite/NewDatabase.sql"
dotnet ef migrations script --no-build --no-transactions --context PostgresMeldrouteDbContext -o "$migrations/Postgres/NewDatabase.sql"
rm -f design-time.db*
echo "Initial and NewDatabase.sql regenerated for both providers; run the migration tests (docs/architecture.md)."
