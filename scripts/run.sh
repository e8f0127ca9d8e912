#!/usr/bin/env bash
# Starts the bot with the demo village, and the WeChat simulator beside it.
# Private MariaDB unless BOT_DB is set; ports: BOT_PORT (5080), SIM_PORT (5090).
set -euo pipefail
source "$(dirname "$0")/db.sh"
cd "$repo_root"

bot_port=${BOT_PORT:-5080}
sim_port=${SIM_PORT:-5090}
for port in "$bot_port" "$sim_port"; do
  if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "port $port on 127.0.0.1 is taken (another bot still running?). Stop it, or set BOT_PORT / SIM_PORT."
  fi
done

dotnet build Bot.sln --nologo -v quiet -clp:ErrorsOnly >/dev/null || { dotnet build Bot.sln --nologo -v quiet -clp:ErrorsOnly; fail "the build failed"; }

export BOT_WeChat__ApiBaseUrl="http://127.0.0.1:$sim_port"
dotnet Bot.Simulator/bin/Debug/net10.0/Bot.Simulator.dll --urls "http://127.0.0.1:$sim_port" \
  --Simulator:BotCallbackUrl "http://127.0.0.1:$bot_port/wechat" >.data/simulator.log 2>&1 &
sim_pid=$!
trap 'kill $sim_pid 2>/dev/null || true' EXIT

echo "Bot:        http://127.0.0.1:$bot_port   (health: /healthz, /readyz; API: /openapi/v1.json)"
echo "Simulator:  http://127.0.0.1:$sim_port   (chat with the demo village as 张大爷, 李建国 or 王书记)"
echo "Press Ctrl+C to stop."
dotnet Bot/bin/Debug/net10.0/Bot.dll --seed-demo --urls "http://127.0.0.1:$bot_port"
