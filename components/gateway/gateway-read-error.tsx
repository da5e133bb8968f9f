import { Alert } from "@/components/ui/alert";

/** What a gateway page shows instead of its content when API Gateway could not be read (see readGateway). */
export function GatewayReadError({ message }: { message: string }) {
  return (
    <Alert variant="destructive" title="API Gateway could not be read">
      {message}
    </Alert>
  );
}
