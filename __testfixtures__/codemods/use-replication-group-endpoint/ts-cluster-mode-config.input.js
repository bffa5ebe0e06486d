"use strict";
const aws = require("@pulumi/aws");

// Sharded Redis for the leaderboard: three node groups.
const leaderboard = new aws.elasticache.ReplicationGroup("leaderboard", {
    description: "Leaderboard (cluster mode)",
    nodeType: "cache.r7g.large",
    numNodeGroups: 3,
    replicasPerNodeGroup: 1,
    parameterGroupName: "default.redis7.cluster.on",
});

exports.leaderboardEndpoint = leaderboard.cacheNodes[0].address;
