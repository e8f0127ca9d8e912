#!/usr/bin/env bash
# Runs the whole test suite against a real MariaDB (private one unless BOT_DB is set).
set -euo pipefail
source "$(dirname "$0")/db.sh"
cd "$repo_root"
dotnet test Bot.sln --nologo "$@"
