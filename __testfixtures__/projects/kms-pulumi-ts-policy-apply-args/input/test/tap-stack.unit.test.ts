import * as pulumi from '@pulumi/pulumi';

pulumi.runtime.setMocks({
  newResource: (args) => ({ id: `${args.name}-id`, state: args.inputs }),
  call: (args) => (args.token === 'aws:index/getRegion:getRegion' ? { name: 'eu-west-1' } : { accountId: '123456789012' }),
});

import { TapStack } from '../lib/tap-stack';

describe('TapStack', () => {
  it('exports the audit log group name', async () => {
    const stack = new TapStack('test', { environmentSuffix: 'test' });
    const name = await new Promise((resolve) => stack.auditLogGroupName.apply(resolve));
    expect(name).toBe('/tap/test/audit');
  });
});
