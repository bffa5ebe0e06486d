import { Duration, Stack, StackProps } from "aws-cdk-lib"
import { AccountRootPrincipal, PolicyStatement, ServicePrincipal } from "aws-cdk-lib/aws-iam"
import { Key } from "aws-cdk-lib/aws-kms"
import { Architecture, Function, Runtime, Code } from "aws-cdk-lib/aws-lambda"
import { LogGroup, RetentionDays } from "aws-cdk-lib/aws-logs"
import { Construct } from "constructs"

export class OrdersServiceStack extends Stack {
    constructor(scope: Construct, id: string, props?: StackProps) {
        super(scope, id, props)

        const dataKey = new Key(this, "DataKey", {
            enableKeyRotation: true,
            pendingWindow: Duration.days(7),
        })
        dataKey.addToResourcePolicy(new PolicyStatement({
            actions: ["kms:GenerateDataKey*", "kms:Decrypt"],
            principals: [new ServicePrincipal("cloudtrail.amazonaws.com")],
            resources: ["*"],
        }))
        dataKey.grantAdmin(new AccountRootPrincipal())

        const fnLogs = new LogGroup(this, "OrdersFnLogs", {
            logGroupName: "/aws/lambda/orders-dev",
            encryptionKey: dataKey,
            retention: RetentionDays.TWO_WEEKS
        })

        new Function(this, "OrdersFn", {
            runtime: Runtime.NODEJS_20_X,
            architecture: Architecture.ARM_64,
            handler: "index.handler",
            code: Code.fromAsset("dist/orders"),
            logGroup: fnLogs
        })
    }
}
