import { expect, test as setup } from "./fixtures";
import { signIn } from "./helpers";
import { userFor, type E2ERole } from "./users";

const HOME: Record<E2ERole, RegExp> = {
  admin: /\/ops$/,
  operator: /\/ops$/,
  finance: /\/finance$/,
  partner: /\/partner$/,
};

for (const role of ["admin", "operator", "finance", "partner"] as const) {
  setup(`sign in as ${role} and land on the role's home`, async ({ page }) => {
    await signIn(page, userFor(role).email);
    await expect(page).toHaveURL(HOME[role]);
    await page.context().storageState({ path: `e2e/.auth/${role}.json` });
  });
}
