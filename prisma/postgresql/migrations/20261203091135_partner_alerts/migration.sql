-- CreateTable
CREATE TABLE "alert_opt_in" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_opt_in_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateTable
CREATE TABLE "alert_delivery" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "alert_delivery_createdAt_idx" ON "alert_delivery"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "alert_delivery_userId_kind_eventKey_key" ON "alert_delivery"("userId", "kind", "eventKey");

