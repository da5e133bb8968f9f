// Shared by every Vitest file: quiet the AWS SDK's Node-20 notice and keep logs out of test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
process.env.LOG_LEVEL ??= "silent";
