import * as pulumi from "@pulumi/pulumi";
import { createPageCache, createQueueCache } from "./src/cache";

const config = new pulumi.Config();
const environmentSuffix = config.get("environmentSuffix") ?? pulumi.getStack();

const queue = createQueueCache({
    environmentSuffix,
    subnetIds: config.requireObject<string[]>("subnetIds"),
    securityGroupIds: config.requireObject<string[]>("securityGroupIds"),
});
const pages = createPageCache(environmentSuffix);

// Workers connect with these.
export const queueHost = queue.cacheNodes[0].address;
export const queuePort = queue.cacheNodes[0].port;
export const pagesHost = pages.cacheNodes[0].address;
