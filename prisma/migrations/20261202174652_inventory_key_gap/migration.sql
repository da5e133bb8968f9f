-- CreateTable
CREATE TABLE "inv_key_gap" (
    "account" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "checkedAt" DATETIME NOT NULL,

    PRIMARY KEY ("account", "region", "keyId")
);

