"use strict";
const pulumi = require("@pulumi/pulumi");
const { makeFunction } = require("./src/functions");

const config = new pulumi.Config();
const environmentSuffix = config.get("environmentSuffix") || pulumi.getStack();

const githubHook = makeFunction(`github-hook-${environmentSuffix}`, "github.handler", `github/webhook/${environmentSuffix}`);
const stripeHook = makeFunction(`stripe-hook-${environmentSuffix}`, "stripe.handler", `stripe/webhook/${environmentSuffix}`);

exports.githubHookArn = githubHook.arn;
exports.stripeHookArn = stripeHook.arn;
