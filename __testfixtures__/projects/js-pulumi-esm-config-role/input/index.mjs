import * as pulumi from "@pulumi/pulumi";
import { createRecorder } from "./lib/config-recorder.mjs";

const stack = pulumi.getStack();
const recorder = createRecorder(`compliance-${stack}`);

export const recorderName = recorder.name;
