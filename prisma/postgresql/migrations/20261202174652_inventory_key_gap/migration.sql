-- CreateTable
CREATE TABLE "inv_key_gap" (
    "account" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "inv_key_gap_pkey" PRIMARY KEY ("account","region","keyId")
);

