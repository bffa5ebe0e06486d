"use strict";
const cdk = require("aws-cdk-lib");
const { Repository } = require("aws-cdk-lib/aws-ecr");

module.exports.makeRepositories = function makeRepositories(stack, names) {
  return names.map((name) => new Repository(stack, `${name}Repo`, { repositoryName: name, emptyOnDelete: true, removalPolicy: cdk.RemovalPolicy.DESTROY }));
};
