-- CreateTable
CREATE TABLE "plan_request" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "fromPlanId" TEXT,
    "toPlanId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "pendingKey" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "plan_request_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "plan_request_pendingKey_key" ON "plan_request"("pendingKey");

-- CreateIndex
CREATE INDEX "plan_request_status_createdAt_idx" ON "plan_request"("status", "createdAt");

-- CreateIndex
CREATE INDEX "plan_request_tenantId_createdAt_idx" ON "plan_request"("tenantId", "createdAt");

