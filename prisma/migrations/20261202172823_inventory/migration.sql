-- CreateTable
CREATE TABLE "inv_rest_api" (
    "account" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "createdDate" TEXT,
    "tags" TEXT NOT NULL DEFAULT '{}',
    "methods" TEXT,
    "deployments" TEXT,
    "detailAt" DATETIME,
    "syncedAt" DATETIME NOT NULL,

    PRIMARY KEY ("account", "region", "id")
);

-- CreateTable
CREATE TABLE "inv_rest_stage" (
    "account" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "restApiId" TEXT NOT NULL,
    "stageName" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "canaryPercent" REAL,
    "lastUpdatedDate" TEXT,
    "syncedAt" DATETIME NOT NULL,

    PRIMARY KEY ("account", "region", "restApiId", "stageName")
);

-- CreateTable
CREATE TABLE "inv_v2_api" (
    "account" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "createdDate" TEXT,
    "endpoint" TEXT NOT NULL,
    "tags" TEXT NOT NULL DEFAULT '{}',
    "routeSelectionExpression" TEXT,
    "routes" TEXT,
    "detailAt" DATETIME,
    "syncedAt" DATETIME NOT NULL,

    PRIMARY KEY ("account", "region", "id")
);

-- CreateTable
CREATE TABLE "inv_v2_stage" (
    "account" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "apiId" TEXT NOT NULL,
    "stageName" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "lastUpdatedDate" TEXT,
    "syncedAt" DATETIME NOT NULL,

    PRIMARY KEY ("account", "region", "apiId", "stageName")
);

-- CreateTable
CREATE TABLE "inv_usage_plan" (
    "account" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "keyCount" INTEGER,
    "keysAt" DATETIME,
    "syncedAt" DATETIME NOT NULL,

    PRIMARY KEY ("account", "region", "id")
);

-- CreateTable
CREATE TABLE "inv_sync_state" (
    "account" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "sweepStartedAt" DATETIME,
    "lastSweepAt" DATETIME,
    "lastSweepCalls" INTEGER NOT NULL DEFAULT 0,
    "lastSweepMs" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("account", "region")
);

-- CreateTable
CREATE TABLE "inv_watch" (
    "account" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "viewedAt" DATETIME NOT NULL,

    PRIMARY KEY ("account", "region", "key")
);

-- CreateTable
CREATE TABLE "gateway_change" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "account" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "objectType" TEXT NOT NULL,
    "apiId" TEXT NOT NULL,
    "stageName" TEXT,
    "objectName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "before" TEXT,
    "after" TEXT,
    "actorEmail" TEXT,
    "awsAt" TEXT,
    "windowStart" DATETIME,
    "windowEnd" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "inv_watch_viewedAt_idx" ON "inv_watch"("viewedAt");

-- CreateIndex
CREATE INDEX "gateway_change_account_region_apiId_stageName_windowEnd_idx" ON "gateway_change"("account", "region", "apiId", "stageName", "windowEnd");

-- CreateIndex
CREATE INDEX "gateway_change_source_windowEnd_idx" ON "gateway_change"("source", "windowEnd");

