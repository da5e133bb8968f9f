import { z } from "zod";

const awsId = z
  .string({ error: "Name the API." })
  .regex(/^[A-Za-z0-9]{1,32}$/, "An API id has letters and digits only.");
const stageName = z
  .string({ error: "Name the stage." })
  .regex(/^[A-Za-z0-9_-]{1,128}$/, "A stage name has letters, digits, - and _ only.");

export const portalSettingSchema = z.object({
  apiId: awsId,
  stage: stageName,
  description: z
    .string({ error: "Send the guide as text (it may be empty)." })
    .max(20_000, "Keep the guide under 20,000 characters."),
  hidden: z.boolean({ error: "Say whether the stage is hidden (true or false)." }),
});
export type PortalSettingInput = z.infer<typeof portalSettingSchema>;
