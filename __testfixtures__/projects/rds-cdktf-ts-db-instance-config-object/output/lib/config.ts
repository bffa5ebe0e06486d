// Sizes and versions per deployment. Keep the stack code free of literals.
export const DB_CONFIG = {
  engine: 'mysql',
  engineVersion: '8.0.39',
  parameterGroupFamily: 'mysql8.0',
  instanceClass: 'db.t3.micro',
  allocatedStorage: 20,
  backupRetentionPeriod: 7,
};

export const NETWORK_CONFIG = {
  vpcCidr: '10.20.0.0/16',
  privateSubnetCidrs: ['10.20.10.0/24', '10.20.11.0/24'],
  availabilityZones: ['us-east-1a', 'us-east-1b'],
};
