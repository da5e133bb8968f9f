-- CreateTable
CREATE TABLE "portal_api_setting" (
    "restApiId" TEXT NOT NULL,
    "stageName" TEXT NOT NULL,
    "description" TEXT,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "updatedBy" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "portal_api_setting_pkey" PRIMARY KEY ("restApiId","stageName")
);

-- CreateTable
CREATE TABLE "portal_api_doc" (
    "restApiId" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "stageName" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "portal_api_doc_pkey" PRIMARY KEY ("restApiId","deploymentId")
);

-- CreateTable
CREATE TABLE "portal_change" (
    "id" TEXT NOT NULL,
    "restApiId" TEXT NOT NULL,
    "stageName" TEXT NOT NULL,
    "fromDeploymentId" TEXT,
    "toDeploymentId" TEXT NOT NULL,
    "changes" TEXT NOT NULL DEFAULT '[]',
    "breaking" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "portal_change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "portal_change_restApiId_stageName_createdAt_idx" ON "portal_change"("restApiId", "stageName", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "portal_change_restApiId_stageName_toDeploymentId_key" ON "portal_change"("restApiId", "stageName", "toDeploymentId");

