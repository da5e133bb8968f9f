-- CreateTable
CREATE TABLE "portal_api_setting" (
    "restApiId" TEXT NOT NULL,
    "stageName" TEXT NOT NULL,
    "description" TEXT,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "updatedBy" TEXT,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("restApiId", "stageName")
);

-- CreateTable
CREATE TABLE "portal_api_doc" (
    "restApiId" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "stageName" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "fetchedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("restApiId", "deploymentId")
);

-- CreateTable
CREATE TABLE "portal_change" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "restApiId" TEXT NOT NULL,
    "stageName" TEXT NOT NULL,
    "fromDeploymentId" TEXT,
    "toDeploymentId" TEXT NOT NULL,
    "changes" TEXT NOT NULL DEFAULT '[]',
    "breaking" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "portal_change_restApiId_stageName_createdAt_idx" ON "portal_change"("restApiId", "stageName", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "portal_change_restApiId_stageName_toDeploymentId_key" ON "portal_change"("restApiId", "stageName", "toDeploymentId");

