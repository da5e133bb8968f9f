import "server-only";

/** What the finance screens (reports, costs, price plans) and the report CSV route load; each re-checks permission. */
export {
  tenantNameMap as loadTenantNames,
  usageByDay as loadUsageByDay,
  usageByMonthAndTenant as loadUsageByMonthAndTenant,
  usageByPlan as loadUsageByPlan,
} from "@/lib/db/finance-reports";
export { marginReport as loadMarginReport } from "@/lib/db/finance-margin";
export {
  getCostSettings as loadCostSettings,
  getIssuerSettings as loadIssuerSettings,
} from "@/lib/db/finance-settings";
export {
  listPricePlans as loadPricePlans,
  listTenantOptionsForFinance as loadTenantOptionsForFinance,
  type PlanVersionDto,
} from "@/lib/db/price-plans";
