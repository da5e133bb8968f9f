-- AlterTable
ALTER TABLE "invitation" ADD COLUMN "activeKey" TEXT;

-- AlterTable
ALTER TABLE "outbox_mail" ADD COLUMN "invitationId" TEXT;

-- CreateTable
CREATE TABLE "key_reservation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tenantId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "key_reservation_tenantId_createdAt_idx" ON "key_reservation"("tenantId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "invitation_activeKey_key" ON "invitation"("activeKey");

-- CreateIndex
CREATE INDEX "outbox_mail_invitationId_idx" ON "outbox_mail"("invitationId");

