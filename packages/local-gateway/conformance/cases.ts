// Every conformance case, in the order they run (later cases may rely on what earlier ones changed).
import type { Case } from "./case-types";
import {
  canaryCases,
  deploymentCases,
  integrationCases,
  methodCases,
  resourceCases,
  restApiCases,
  stageCases,
} from "./cases-core";
import {
  authorizerCases,
  cloudWatchCases,
  documentationCases,
  domainNameCases,
  gatewayResponseCases,
  modelCases,
  validatorCases,
} from "./cases-extras";
import { apiKeyCases, planKeyCases, tagCases, usageCases, usagePlanCases } from "./cases-keys-plans";

export const ALL_CASES: readonly Case[] = [
  ...restApiCases,
  ...resourceCases,
  ...methodCases,
  ...integrationCases,
  ...deploymentCases,
  ...stageCases,
  ...canaryCases,
  ...apiKeyCases,
  ...usagePlanCases,
  ...planKeyCases,
  ...usageCases,
  ...tagCases,
  ...authorizerCases,
  ...validatorCases,
  ...modelCases,
  ...gatewayResponseCases,
  ...documentationCases,
  ...domainNameCases,
  ...cloudWatchCases,
];
