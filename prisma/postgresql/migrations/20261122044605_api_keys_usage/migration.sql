-- CreateTable
CREATE TABLE "api_key_record" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rotatedFromId" TEXT,
    "rotatedAt" TIMESTAMP(3),
    "graceUntil" TIMESTAMP(3),
    "disabledBySuspension" BOOLEAN NOT NULL DEFAULT false,
    "cleanupPending" BOOLEAN NOT NULL DEFAULT false,
    "revokedAt" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "api_key_record_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "subscription" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "usagePlanId" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "until" TIMESTAMP(3),

    CONSTRAINT "subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "usage_plan_snapshot" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "settings" TEXT NOT NULL DEFAULT '{}',
    "deletedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "usage_plan_snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "aws_key_seen" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "customerId" TEXT,
    "enabled" BOOLEAN NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "aws_key_seen_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_state" (
    "name" TEXT NOT NULL,
    "running" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "lastSuccessAt" TIMESTAMP(3),
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "rows" INTEGER NOT NULL DEFAULT 0,
    "awsCalls" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sync_state_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "api_key_record_tenantId_createdAt_idx" ON "api_key_record"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "api_key_record_status_createdAt_idx" ON "api_key_record"("status", "createdAt");

-- CreateIndex
CREATE INDEX "api_key_record_graceUntil_idx" ON "api_key_record"("graceUntil");

-- CreateIndex
CREATE INDEX "api_key_record_label_idx" ON "api_key_record"("label");

-- CreateIndex
CREATE INDEX "subscription_tenantId_until_idx" ON "subscription"("tenantId", "until");

-- CreateIndex
CREATE INDEX "subscription_usagePlanId_until_idx" ON "subscription"("usagePlanId", "until");

-- CreateIndex
CREATE INDEX "aws_key_seen_seenAt_idx" ON "aws_key_seen"("seenAt");

-- CreateIndex
CREATE INDEX "usage_daily_apiKeyId_day_idx" ON "usage_daily"("apiKeyId", "day");

