#!/usr/bin/env bash
# Takes one proposal from draft to closed through the HTTP API, each step sent by the person whose step it is.
#
#   npm start                      # in another terminal: API on :3000 with the demo university seeded
#   bash docs/lifecycle-demo.sh    # BASE_URL=http://host:port and DEMO_PASSWORD=… to point it elsewhere
#
# Needs curl and jq. Prints each step's answer (state, version, number, due date); stops at the first refusal
# and prints the API's message. At the end it prints the proposal's hash-chained history.
set -euo pipefail

BASE="${BASE_URL:-http://localhost:3000}/api"
PASSWORD="${DEMO_PASSWORD:-demo12345}"

fail() { echo "✗ $*" >&2; exit 1; }

# login <username> → bearer token
login() {
  curl -sS -X POST "$BASE/auth/login" -H 'Content-Type: application/json' \
    -d "$(jq -n --arg u "$1" --arg p "$PASSWORD" '{username: $u, password: $p}')" | jq -er .accessToken \
    || fail "login $1"
}

# api <token> <METHOD> <path> [json body] → the answer's body; fails on any status >= 400
api() {
  local token=$1 method=$2 path=$3 body=${4:-}
  local out status
  out=$(curl -sS -X "$method" "$BASE$path" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    ${body:+--data "$body"} -w $'\n%{http_code}')
  status=${out##*$'\n'}
  out=${out%$'\n'*}
  [[ $status -lt 400 ]] || fail "$method $path → $status $(jq -r .message <<<"$out" 2>/dev/null || echo "$out")"
  printf '%s' "$out"
}

# event <token> <who> <TYPE> [payload json] — sends at the proposal's current version and shows the result
event() {
  local token=$1 who=$2 type=$3 payload=${4:-'{}'}
  local version answer
  version=$(api "$token" GET "/proposals/$ID" | jq -r .version)
  answer=$(api "$token" POST "/proposals/$ID/events" \
    "$(jq -c --arg t "$type" --argjson v "$version" '. + {type: $t, expectedVersion: $v}' <<<"$payload")")
  jq -r --arg who "$who" --arg t "$type" \
    '"\($who | .[0:12] | . + " " * (12 - length)) \($t | . + " " * (15 - length)) → \(.state)  v\(.version)" +
     (if .number then "  №\(.number)" else "" end) + (if .dueAt then "  due \(.dueAt[0:10])" else "" end)' <<<"$answer"
}

echo "Logging in the demo people at $BASE …"
D01=$(login delegate01); D02=$(login delegate02); D03=$(login delegate03)
COMMITTEE=$(login committee1); HANDLER=$(login jwc.handler); HEAD=$(login jwc.head)

SESSION=$(api "$D01" GET /sessions/current | jq -r .id)
CATEGORY=$(api "$D01" GET /categories | jq -r '.[] | select(.name == "后勤与校园建设") | .id')
JWC=$(api "$D01" GET /departments | jq -r '.[] | select(.code == "jwc") | .id')
COSIGNERS=$(api "$D01" GET '/users?role=delegate&pageSize=100' |
  jq -c '[.items[] | select(.username == "delegate02" or .username == "delegate03") | .id]')

# 1. delegate01 drafts, inviting delegate02 and delegate03 to co-sign
DRAFT=$(jq -n --arg s "$SESSION" --argjson c "$COSIGNERS" '{
  sessionId: $s,
  title: "关于改善学校食堂伙食质量的提案",
  background: "近年来学校教职工人数持续增加，食堂就餐高峰时段排队时间过长，菜品种类单一，价格逐年上涨，教职工反映强烈。部分窗口卫生状况有待改善。",
  suggestions: "一、增设教工专用窗口并延长晚餐供应时间；二、每月公开菜品价格与成本；三、建立教职工伙食监督小组。",
  contactPhone: "13800000000",
  cosignerIds: $c
}')
ID=$(api "$D01" POST /proposals "$DRAFT" | jq -r .id)
echo "delegate01    drafted          → draft  (proposal $ID)"

# 2. co-signing: SUBMIT, then both invited co-signers confirm → submitted
event "$D01" delegate01 SUBMIT
event "$D02" delegate02 COSIGN
event "$D03" delegate03 COSIGN

# 3. the committee accepts (the number is given here), classifies and assigns to 教务处
event "$COMMITTEE" committee1 ACCEPT
event "$COMMITTEE" committee1 CLASSIFY "$(jq -n --arg c "$CATEGORY" '{categoryId: $c}')"
event "$COMMITTEE" committee1 ASSIGN "$(jq -n --arg d "$JWC" '{leadDepartmentId: $d}')"

# 4. the department contacts the proposer, who confirms the contact took place
NOW=$(date -u +%Y-%m-%dT%H:%M:%S.000Z)
event "$HANDLER" jwc.handler LOG_CONTACT "$(jq -n --arg at "$NOW" '{method: "phone", content: "电话沟通了增设窗口的方案", contactedAt: $at}')"
CONTACT=$(api "$D01" GET "/proposals/$ID" | jq -r '.contacts[0].id')
event "$D01" delegate01 CONFIRM_CONTACT "$(jq -n --arg c "$CONTACT" '{contactId: $c}')"

# 5. the handler replies (grade B, with its planned date); the head approves → replied
PLANNED=$(date -u -d '+90 days' +%Y-%m-%dT00:00:00.000Z 2>/dev/null || date -u -v+90d +%Y-%m-%dT00:00:00.000Z)
event "$HANDLER" jwc.handler SUBMIT_REPLY "$(jq -n --arg p "$PLANNED" '{grade: "B", content: "已列入下学期食堂改造计划。", plannedAt: $p}')"
event "$HEAD" jwc.head APPROVE_REPLY

# 6. the lead proposer evaluates → closed; the committee publishes it
event "$D01" delegate01 EVALUATE '{"satisfaction": "satisfied", "comment": "满意"}'
event "$COMMITTEE" committee1 PUBLISH

echo
echo "History (oldest first; each record's hash chains to the previous one):"
api "$COMMITTEE" GET "/proposals/$ID/history" |
  jq -r '.[] | "  \(.seq | tostring | . + " " * (3 - length))\(.event | . + " " * (16 - length))\(.from // "-") → \(.to)  by \(.actor.username // "system")  \(.hash[0:12])…"'
echo
echo "Check every chain with: node dist/backend/backend/src/cli.js verify-history"
