"use strict";
const aws = require("@pulumi/aws");

/**
 * A symmetric customer managed key with rotation and an alias.
 * Every service key of the project is made here so that they all look the same.
 */
function createServiceKey(name, { description, stack, tags }) {
    const key = new aws.kms.Key(name, {
        description,
        enableKeyRotation: true,
        deletionWindowInDays: 10,
        tags,
    });
    new aws.kms.Alias(`${name}-alias`, {
        name: `alias/${name}`,
        targetKeyId: key.keyId,
    });
    return key;
}

module.exports = { createServiceKey };
