import { App } from "cdktf";
import { CacheStack } from "./lib/cache-stack";

const app = new App();
const environmentSuffix = process.env.ENVIRONMENT_SUFFIX ?? "dev";
new CacheStack(app, `cache-${environmentSuffix}`, environmentSuffix);
app.synth();
