#!/usr/bin/env bash
# Adds a migration to the PostgreSQL set (DataCenterOps.Domain.PostgreSql/Migrations) for whatever the model gained
# since the last one, e.g. after merging a branch that added entities and a SQLite migration:
#   scripts/add-postgresql-migration.sh AddSites
# No server is needed. Check the result: raw SQL in the SQLite migration (triggers, data moves) is NOT carried over and
# must be written again in PL/pgSQL (see 20261201131137_AppendOnlyTriggers.cs).
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-postgresql-migration.sh MigrationName}
dotnet tool restore >/dev/null
dotnet ef migrations add "$name" \
  --project DataCenterOps.Domain.PostgreSql --startup-project DataCenterOps.Domain.PostgreSql \
  --output-dir Migrations --namespace DataCenterOps.Domain.PostgreSql.Migrations
