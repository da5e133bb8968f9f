#!/usr/bin/env bash
# A realistic session with the AWS CLI alone (and curl for the data plane) against a Local Gateway:
# import an OpenAPI REST API, deploy, create a stage, a usage plan with throttle + quota, an API key; call the
# data plane with and without the key; read usage; start a canary with create-deployment --canary-settings,
# change percentTraffic, promote it as AWS's guide describes (promote-canary-deployment.md), serve the stage on a
# custom domain name (Host header → base path mapping), and read the request count with cloudwatch get-metric-data.
#
#   conformance/e2e-cli.sh http://127.0.0.1:4566     (npm run gateway first; AWS_CLI overrides /usr/bin/aws)
#
# Exits non-zero at the first step whose result differs from what AWS answers.
set -euo pipefail

ENDPOINT="${1:?usage: e2e-cli.sh <gateway endpoint url>}"
AWS_BIN="${AWS_CLI:-/usr/bin/aws}"
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" \
  AWS_MAX_ATTEMPTS=1 AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

aws() { "$AWS_BIN" --endpoint-url "$ENDPOINT" --output text "$@"; }
step() { printf '· %s\n' "$*"; }
fail() {
  printf 'FAILED: %s\n' "$*" >&2
  exit 1
}
expect_eq() { [ "$1" = "$2" ] || fail "$3: expected '$2', got '$1'"; }

NAME="e2e-cli-$$-$RANDOM"
cat >"$WORK/openapi.json" <<JSON
{
  "openapi": "3.0.1",
  "info": { "title": "$NAME", "version": "1.0.0" },
  "paths": {
    "/pets": {
      "get": {
        "security": [{ "api_key": [] }],
        "x-amazon-apigateway-integration": {
          "type": "mock",
          "requestTemplates": { "application/json": "{\"statusCode\": 200}" },
          "responses": {
            "default": {
              "statusCode": "200",
              "responseTemplates": { "application/json": "{\"pets\": [], \"stage\": \"\$context.stage\"}" }
            }
          }
        }
      }
    }
  },
  "components": { "securitySchemes": { "api_key": { "type": "apiKey", "name": "x-api-key", "in": "header" } } }
}
JSON

step "import-rest-api"
API=$(aws apigateway import-rest-api --body "fileb://$WORK/openapi.json" --query id)
[ -n "$API" ] || fail "import-rest-api returned no id"
expect_eq "$(aws apigateway get-resources --rest-api-id "$API" --query 'items[?path==`/pets`] | length(@)')" "1" \
  "GET /pets imported"

step "create-deployment + create-stage prod"
DEP1=$(aws apigateway create-deployment --rest-api-id "$API" --description first --query id)
aws apigateway create-stage --rest-api-id "$API" --stage-name prod --deployment-id "$DEP1" \
  --variables tier=base >/dev/null
expect_eq "$(aws apigateway get-stage --rest-api-id "$API" --stage-name prod --query deploymentId)" "$DEP1" "stage deployment"

step "create-usage-plan (throttle + quota) + create-api-key + create-usage-plan-key"
PLAN=$(aws apigateway create-usage-plan --name "$NAME" --throttle burstLimit=20,rateLimit=10 \
  --quota limit=1000,offset=0,period=DAY --api-stages "apiId=$API,stage=prod" --query id)
expect_eq "$(aws apigateway get-usage-plan --usage-plan-id "$PLAN" --query 'quota.limit')" "1000" "plan quota"
read -r KEY VALUE < <(aws apigateway create-api-key --name "$NAME" --enabled --query '[id, value]')
aws apigateway create-usage-plan-key --usage-plan-id "$PLAN" --key-id "$KEY" --key-type API_KEY >/dev/null

URL="$ENDPOINT/restapis/$API/prod/_user_request_/pets"
step "data plane without a key → 403 Forbidden"
code=$(curl -s -o "$WORK/body" -w '%{http_code}' "$URL")
expect_eq "$code" "403" "status without key"
grep -q '"message":"Forbidden"' "$WORK/body" || fail "403 body: $(cat "$WORK/body")"

step "data plane with the key → 200 (mapping template rendered)"
for _ in 1 2 3; do
  code=$(curl -s -o "$WORK/body" -w '%{http_code}' -H "x-api-key: $VALUE" "$URL")
  expect_eq "$code" "200" "status with key"
done
grep -q '"stage": "prod"' "$WORK/body" || fail "MOCK body: $(cat "$WORK/body")"

step "get-usage → 3 requests used today"
TODAY=$(date -u +%Y-%m-%d)
USED=$(aws apigateway get-usage --usage-plan-id "$PLAN" --start-date "$TODAY" --end-date "$TODAY" \
  --query "items.\"$KEY\"[0][0]")
expect_eq "$USED" "3" "used requests"

step "create-deployment --canary-settings percentTraffic=10"
DEP2=$(aws apigateway create-deployment --rest-api-id "$API" --stage-name prod --description canary \
  --canary-settings 'percentTraffic=10,stageVariableOverrides={tier=canary},useStageCache=false' --query id)
expect_eq "$(aws apigateway get-stage --rest-api-id "$API" --stage-name prod --query deploymentId)" "$DEP1" "base stays"
expect_eq "$(aws apigateway get-stage --rest-api-id "$API" --stage-name prod --query canarySettings.deploymentId)" \
  "$DEP2" "canary deployment"

step "update-stage replace /canarySettings/percentTraffic 50"
aws apigateway update-stage --rest-api-id "$API" --stage-name prod \
  --patch-operations op=replace,path=/canarySettings/percentTraffic,value=50.0 >/dev/null
expect_eq "$(aws apigateway get-stage --rest-api-id "$API" --stage-name prod --query canarySettings.percentTraffic)" \
  "50.0" "percentTraffic"

step "promote (replace percentTraffic 0, copy overrides → variables, copy deploymentId), then remove the canary"
aws apigateway update-stage --rest-api-id "$API" --stage-name prod --patch-operations \
  '[{"op":"replace","path":"/canarySettings/percentTraffic","value":"0.0"},
    {"op":"copy","from":"/canarySettings/stageVariableOverrides","path":"/variables"},
    {"op":"copy","from":"/canarySettings/deploymentId","path":"/deploymentId"}]' >/dev/null
expect_eq "$(aws apigateway get-stage --rest-api-id "$API" --stage-name prod --query deploymentId)" "$DEP2" "promoted"
expect_eq "$(aws apigateway get-stage --rest-api-id "$API" --stage-name prod --query variables.tier)" "canary" \
  "promoted variables"
aws apigateway update-stage --rest-api-id "$API" --stage-name prod \
  --patch-operations op=remove,path=/canarySettings >/dev/null
expect_eq "$(aws apigateway get-stage --rest-api-id "$API" --stage-name prod --query canarySettings)" "None" \
  "canary removed"

step "custom domain: create-domain-name + create-base-path-mapping shop → prod; call it by Host header"
DOMAIN="e2e-$$-$RANDOM.example.com"
aws apigateway create-domain-name --domain-name "$DOMAIN" \
  --certificate-arn arn:aws:acm:us-east-1:000000000000:certificate/e2e >/dev/null
aws apigateway create-base-path-mapping --domain-name "$DOMAIN" --base-path shop --rest-api-id "$API" \
  --stage prod >/dev/null
code=$(curl -s -o "$WORK/body" -w '%{http_code}' -H "Host: $DOMAIN" -H "x-api-key: $VALUE" "$ENDPOINT/shop/pets")
expect_eq "$code" "200" "custom domain status"
grep -q '"stage": "prod"' "$WORK/body" || fail "custom domain body: $(cat "$WORK/body")"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: $DOMAIN" "$ENDPOINT/nope/pets")
expect_eq "$code" "403" "unmapped base path"

step "cloudwatch get-metric-data Count (ApiName, Stage) → 5 requests (4 served + 1 refused)"
START=$(date -u -d '-10 minutes' +%Y-%m-%dT%H:%M:00Z)
END=$(date -u -d '+2 minutes' +%Y-%m-%dT%H:%M:00Z)
cat >"$WORK/queries.json" <<JSON
[{"Id": "requests", "MetricStat": {"Metric": {"Namespace": "AWS/ApiGateway", "MetricName": "Count",
  "Dimensions": [{"Name": "ApiName", "Value": "$NAME"}, {"Name": "Stage", "Value": "prod"}]},
  "Period": 60, "Stat": "Sum"}, "ReturnData": true}]
JSON
TOTAL=$(aws cloudwatch get-metric-data --metric-data-queries "file://$WORK/queries.json" \
  --start-time "$START" --end-time "$END" --query 'sum(MetricDataResults[0].Values)')
expect_eq "$TOTAL" "5.0" "Count sum"

echo "e2e-cli: all steps passed (api $API, plan $PLAN, key $KEY)"
