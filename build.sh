#!/usr/bin/env bash
# The build targets live in build.cake (what they measure or run is bench/Harness's); this only brings Cake in.
#   ./build.sh --target=Test            (the default)
#   ./build.sh --target=Demo
#   ./build.sh --target=Bench --runs=30 [--root=DIR]
#   ./build.sh --target=BenchCountme --sizes=50,200
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
# Plain text in logs and pipes; colours only on a terminal.
if [[ ! -t 1 ]]; then export NO_COLOR=1; fi

dotnet tool restore
dotnet cake build.cake "$@"
