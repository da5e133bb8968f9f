-- CreateTable
CREATE TABLE "alert_opt_in" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("userId", "kind")
);

-- CreateTable
CREATE TABLE "alert_delivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "alert_delivery_createdAt_idx" ON "alert_delivery"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "alert_delivery_userId_kind_eventKey_key" ON "alert_delivery"("userId", "kind", "eventKey");

