// Quiet the AWS SDK's Node-20 notice in the package's own tests (the SDK clients there act as outside callers).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
