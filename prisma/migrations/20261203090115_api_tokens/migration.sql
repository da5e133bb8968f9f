-- CreateTable
CREATE TABLE "api_token" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "tenantId" TEXT,
    "ipAllowList" TEXT NOT NULL DEFAULT '[]',
    "ratePerMinute" INTEGER NOT NULL DEFAULT 120,
    "expiresAt" DATETIME,
    "lastUsedAt" DATETIME,
    "lastUsedIp" TEXT,
    "revokedAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdByEmail" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "api_idempotency" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER,
    "body" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "api_token_tokenHash_key" ON "api_token"("tokenHash");

-- CreateIndex
CREATE INDEX "api_token_tenantId_createdAt_idx" ON "api_token"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "api_token_createdAt_idx" ON "api_token"("createdAt");

-- CreateIndex
CREATE INDEX "api_idempotency_expiresAt_idx" ON "api_idempotency"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "api_idempotency_tokenId_key_key" ON "api_idempotency"("tokenId", "key");

