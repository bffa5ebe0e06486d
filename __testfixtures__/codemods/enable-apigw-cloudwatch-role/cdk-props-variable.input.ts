import * as cdk from "aws-cdk-lib";
import * as apigateway from "aws-cdk-lib/aws-apigateway";
import { Construct } from "constructs";

export class PaymentsStack extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    const apiProps: apigateway.RestApiProps = {
      restApiName: "payments",
      deployOptions: { loggingLevel: apigateway.MethodLoggingLevel.ERROR }
    };
    new apigateway.RestApi(this, "PaymentsApi", apiProps);
  }
}
