import { App, Testing } from 'cdktf';
import { TapStack } from '../lib/tap-stack';

describe('TapStack', () => {
  it('synthesizes encrypted log groups', () => {
    const app = new App();
    const stack = new TapStack(app, 'TestTapStack', { environmentSuffix: 'test' });
    const synthesized = Testing.synth(stack);
    expect(synthesized).toContain('"kms_key_id"');
  });
});
