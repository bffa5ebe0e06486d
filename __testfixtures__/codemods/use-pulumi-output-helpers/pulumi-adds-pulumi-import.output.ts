import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

const queue = new aws.sqs.Queue("orders");
const topic = new aws.sns.Topic("orders-events");

new aws.sqs.QueuePolicy("orders-from-sns", {
    queueUrl: queue.url,
    policy: pulumi.jsonStringify({
        Version: "2012-10-17",
        Statement: [{
            Effect: "Allow",
            Principal: { Service: "sns.amazonaws.com" },
            Action: "sqs:SendMessage",
            Resource: queue.arn,
            Condition: { ArnEquals: { "aws:SourceArn": topic.arn } },
        }],
    }, null, 2),
});
