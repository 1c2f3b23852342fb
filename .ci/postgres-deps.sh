#!/usr/bin/env bash
# What the PostgreSQL state's tests (tests/test_serve.py, through tests/postgres.py) need on a fresh
# Debian machine, as root: Debian's PostgreSQL server. The tests start their own throwaway server on
# loopback (initdb, as the package's postgres user) and never use the cluster the package may create;
# psycopg comes from PyPI through the `test` extra. Without either, those tests skip and say why.
set -euo pipefail
if compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null; then
    echo "postgres-deps: $(ls -d /usr/lib/postgresql/*/bin/initdb | tail -1) already installed"
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends postgresql
