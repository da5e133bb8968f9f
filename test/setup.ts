// Shared by every Vitest file: quiet the AWS SDK's Node-20 notice and keep logs out of test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
process.env.LOG_LEVEL ??= "silent";
// Tests that are not about the control-plane budget must not be paced by its production default (2 calls/s).
process.env.AWS_CONTROL_PLANE_RPS ??= "100";
