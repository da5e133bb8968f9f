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
    "detailAt" TIMESTAMP(3),
    "syncedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "inv_rest_api_pkey" PRIMARY KEY ("account","region","id")
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
    "canaryPercent" DOUBLE PRECISION,
    "lastUpdatedDate" TEXT,
    "syncedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "inv_rest_stage_pkey" PRIMARY KEY ("account","region","restApiId","stageName")
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
    "detailAt" TIMESTAMP(3),
    "syncedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "inv_v2_api_pkey" PRIMARY KEY ("account","region","id")
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
    "syncedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "inv_v2_stage_pkey" PRIMARY KEY ("account","region","apiId","stageName")
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
    "keysAt" TIMESTAMP(3),
    "syncedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "inv_usage_plan_pkey" PRIMARY KEY ("account","region","id")
);

-- CreateTable
CREATE TABLE "inv_sync_state" (
    "account" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "sweepStartedAt" TIMESTAMP(3),
    "lastSweepAt" TIMESTAMP(3),
    "lastSweepCalls" INTEGER NOT NULL DEFAULT 0,
    "lastSweepMs" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "inv_sync_state_pkey" PRIMARY KEY ("account","region")
);

-- CreateTable
CREATE TABLE "inv_watch" (
    "account" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "viewedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "inv_watch_pkey" PRIMARY KEY ("account","region","key")
);

-- CreateTable
CREATE TABLE "gateway_change" (
    "id" TEXT NOT NULL,
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
    "windowStart" TIMESTAMP(3),
    "windowEnd" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gateway_change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "inv_watch_viewedAt_idx" ON "inv_watch"("viewedAt");

-- CreateIndex
CREATE INDEX "gateway_change_account_region_apiId_stageName_windowEnd_idx" ON "gateway_change"("account", "region", "apiId", "stageName", "windowEnd");

-- CreateIndex
CREATE INDEX "gateway_change_source_windowEnd_idx" ON "gateway_change"("source", "windowEnd");

