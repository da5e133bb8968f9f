// The REST API's own sub-resources that deploy tools (SAM, Terraform, CDK, the AWS CLI) create: authorizers,
// request validators, models, gateway responses and documentation parts. They are stored and rendered like AWS
// (messages from LocalStack's AWS-recorded snapshots, test_apigateway_api); the data plane does not run
// authorizers, validate requests against models or render gateway responses (README: deliberate differences).
import type { RouteDef } from "../../routes";
import { authorizerRoutes } from "./authorizers";
import { requestValidatorRoutes } from "./request-validators";
import { modelRoutes } from "./models";
import { gatewayResponseRoutes } from "./gateway-responses";
import { documentationPartRoutes } from "./documentation-parts";

export const apiPartRoutes: RouteDef[] = [
  ...authorizerRoutes,
  ...requestValidatorRoutes,
  ...modelRoutes,
  ...gatewayResponseRoutes,
  ...documentationPartRoutes,
];
