import { Construct } from "constructs";
import { App, TerraformStack } from "cdktf";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { DbInstance } from "@cdktf/provider-aws/lib/db-instance";

class OrdersStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);

    new AwsProvider(this, "aws", { region: "eu-west-1" });

    // Orders: the primary store for the checkout service.
    new DbInstance(this, "orders-db", {
      identifier: "orders-db",
      engine: "postgres",
      engineVersion: "15.4",
      instanceClass: "db.t3.medium",
      allocatedStorage: 20,
      username: "orders",
      manageMasterUserPassword: true,
      skipFinalSnapshot: true,
    });

    // Reporting: created long ago, upgraded on its own maintenance schedule.
    new DbInstance(this, "reporting-db", {
      identifier: "reporting-db",
      engine: "postgres",
      engineVersion: "15.4",
      instanceClass: "db.t3.medium",
      allocatedStorage: 50,
      username: "reporting",
      manageMasterUserPassword: true,
      skipFinalSnapshot: true,
    });
  }
}

const app = new App();
new OrdersStack(app, "orders");
app.synth();
