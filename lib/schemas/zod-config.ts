import { z } from "zod";

// zod 4 probes `new Function("")` to decide on its compiled fast path; under the CSP (no 'unsafe-eval') that probe
// is a reported violation in every browser. The interpreted path is plenty fast for forms.
z.config({ jitless: true });
