import { describe, expect, it } from "vitest";
import { invitationMail } from "./invitation-mail";

describe("invitationMail", () => {
  it("names the partner's tenant in the subject and the text", () => {
    const m = invitationMail({
      inviterName: "Ada",
      role: "partner",
      tenantName: "Acme Travel",
      link: "http://x/invite/abc",
    });
    expect(m.subject).toBe("You are invited to Acme Travel's Tollgate portal");
    expect(m.text).toContain("Ada invited you to Tollgate as a partner of Acme Travel.");
    expect(m.text).toContain("http://x/invite/abc");
    expect(m.text).not.toContain("replaces");
  });

  it("names no tenant for staff, and says a resend replaces the old link", () => {
    const m = invitationMail({
      inviterName: "Ada",
      role: "finance",
      tenantName: null,
      link: "http://x/invite/def",
      resent: true,
    });
    expect(m.subject).toBe("You are invited to Tollgate");
    expect(m.text).toContain("as a finance user.");
    expect(m.text).toContain("This replaces any earlier invitation link");
  });
});
