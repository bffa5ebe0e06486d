import * as aws from '@pulumi/aws';

const region = aws.getRegionOutput();

export const dataKey = new aws.kms.Key('data-key', {
  description: 'Data key for the reporting service',
  policy: region.name.apply((regionName) => {
    const document = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Root', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'kms:*', Resource: '*' },
      ],
    };
    return JSON.stringify(document);
  }),
});
