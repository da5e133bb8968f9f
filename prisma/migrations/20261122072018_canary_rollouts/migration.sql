-- CreateTable
CREATE TABLE "canary_rollout" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "restApiId" TEXT NOT NULL,
    "apiName" TEXT NOT NULL,
    "stageName" TEXT NOT NULL,
    "activeKey" TEXT,
    "baseDeploymentId" TEXT NOT NULL,
    "canaryDeploymentId" TEXT NOT NULL,
    "overrides" TEXT NOT NULL DEFAULT '{}',
    "plan" TEXT NOT NULL,
    "evaluationSeconds" INTEGER NOT NULL,
    "webhookUrl" TEXT,
    "status" TEXT NOT NULL,
    "stepIndex" INTEGER NOT NULL DEFAULT 0,
    "stepStartedAt" DATETIME NOT NULL,
    "failedChecks" INTEGER NOT NULL DEFAULT 0,
    "approved" BOOLEAN NOT NULL DEFAULT false,
    "pendingAction" TEXT,
    "nextEvaluationAt" DATETIME NOT NULL,
    "lastError" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "createdByEmail" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "canary_decision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "rolloutId" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "stepIndex" INTEGER NOT NULL,
    "percent" REAL NOT NULL,
    "action" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "actorEmail" TEXT NOT NULL,
    "metrics" TEXT,
    "checks" TEXT NOT NULL DEFAULT '[]',
    "failedChecks" INTEGER NOT NULL,
    "applied" TEXT NOT NULL DEFAULT '[]',
    CONSTRAINT "canary_decision_rolloutId_fkey" FOREIGN KEY ("rolloutId") REFERENCES "canary_rollout" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "canary_rollout_activeKey_key" ON "canary_rollout"("activeKey");

-- CreateIndex
CREATE INDEX "canary_rollout_status_nextEvaluationAt_idx" ON "canary_rollout"("status", "nextEvaluationAt");

-- CreateIndex
CREATE INDEX "canary_rollout_restApiId_stageName_createdAt_idx" ON "canary_rollout"("restApiId", "stageName", "createdAt");

-- CreateIndex
CREATE INDEX "canary_rollout_createdAt_idx" ON "canary_rollout"("createdAt");

-- CreateIndex
CREATE INDEX "canary_decision_rolloutId_at_idx" ON "canary_decision"("rolloutId", "at");

