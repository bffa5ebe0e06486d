import { Construct } from 'constructs';
import { App, TerraformStack } from 'cdktf';
import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';

class AppStack extends TerraformStack {
  constructor(scope: Construct, id: string, environment: string) {
    super(scope, id);
    new DbInstance(this, `orders-db-${environment}`, {
      engine: 'postgres',
      engineVersion: '16.1',
      instanceClass: 'db.t4g.small',
      allocatedStorage: 20,
      username: 'orders',
      manageMasterUserPassword: true,
    });
    // Sessions run on MySQL, untouched by a postgres finding.
    new DbInstance(this, `sessions-db-${environment}`, {
      engine: 'mysql',
      engineVersion: '8.0.39',
      instanceClass: 'db.t4g.micro',
      allocatedStorage: 20,
      username: 'sessions',
      manageMasterUserPassword: true,
    });
  }
}

const app = new App();
new AppStack(app, 'orders-prod', 'prod');
app.synth();
