// What an undefined Python name in IaC code conventionally stands for. Tables, not code:
//   - aws_cdk submodules: aws-cdk-lib v2 `packages/aws-cdk-lib/index.ts` (aws/aws-cdk, read 2025),
//     plus the aliases CDK's own docs and `cdk init` apps use (`lambda_`, `sfn`, `elbv2`, ...);
//   - pulumi_aws submodules: pulumi-aws v6 `sdk/python/pulumi_aws/__init__.py`;
//   - pulumi_aws has no `logs` module: CloudWatch Logs resources are in `pulumi_aws.cloudwatch`,
//     under `Log`-prefixed names (pulumi-aws v6 `sdk/python/pulumi_aws/cloudwatch/__init__.py`);
//   - the standard library names this codemod is sure of (Python 3.8+).

/** aws_cdk submodules (Python names), without the `aws_` ones' conventional aliases. */
export const CDK_MODULES: ReadonlySet<string> = new Set([
  'alexa_ask', 'assertions', 'assets', 'aws_accessanalyzer', 'aws_acmpca', 'aws_amazonmq', 'aws_amplify',
  'aws_amplifyuibuilder', 'aws_apigateway', 'aws_apigatewayv2', 'aws_apigatewayv2_authorizers',
  'aws_apigatewayv2_integrations', 'aws_appconfig', 'aws_appflow', 'aws_appintegrations',
  'aws_applicationautoscaling', 'aws_applicationinsights', 'aws_appmesh', 'aws_apprunner', 'aws_appstream',
  'aws_appsync', 'aws_aps', 'aws_arczonalshift', 'aws_athena', 'aws_auditmanager', 'aws_autoscaling',
  'aws_autoscaling_common', 'aws_autoscaling_hooktargets', 'aws_autoscalingplans', 'aws_backup',
  'aws_backupgateway', 'aws_batch', 'aws_bedrock', 'aws_billingconductor', 'aws_budgets', 'aws_cassandra', 'aws_ce',
  'aws_certificatemanager', 'aws_chatbot', 'aws_cleanrooms', 'aws_cloud9', 'aws_cloudformation', 'aws_cloudfront',
  'aws_cloudfront_origins', 'aws_cloudtrail', 'aws_cloudwatch', 'aws_cloudwatch_actions', 'aws_codeartifact',
  'aws_codebuild', 'aws_codecommit', 'aws_codedeploy', 'aws_codeguruprofiler', 'aws_codegurureviewer',
  'aws_codepipeline', 'aws_codepipeline_actions', 'aws_codestar', 'aws_codestarconnections',
  'aws_codestarnotifications', 'aws_cognito', 'aws_comprehend', 'aws_config', 'aws_connect', 'aws_connectcampaigns',
  'aws_controltower', 'aws_cur', 'aws_customerprofiles', 'aws_databrew', 'aws_datapipeline', 'aws_datasync', 'aws_dax',
  'aws_detective', 'aws_devicefarm', 'aws_devopsguru', 'aws_directoryservice', 'aws_dlm', 'aws_dms', 'aws_docdb',
  'aws_docdbelastic', 'aws_dynamodb', 'aws_ec2', 'aws_ecr', 'aws_ecr_assets', 'aws_ecs', 'aws_ecs_patterns', 'aws_efs',
  'aws_eks', 'aws_elasticache', 'aws_elasticbeanstalk', 'aws_elasticloadbalancing', 'aws_elasticloadbalancingv2',
  'aws_elasticloadbalancingv2_actions', 'aws_elasticloadbalancingv2_targets', 'aws_elasticsearch', 'aws_emr',
  'aws_emrcontainers', 'aws_emrserverless', 'aws_entityresolution', 'aws_events', 'aws_events_targets',
  'aws_eventschemas', 'aws_evidently', 'aws_finspace', 'aws_fis', 'aws_fms', 'aws_forecast', 'aws_frauddetector',
  'aws_fsx', 'aws_gamelift', 'aws_globalaccelerator', 'aws_globalaccelerator_endpoints', 'aws_glue', 'aws_grafana',
  'aws_greengrass', 'aws_greengrassv2', 'aws_groundstation', 'aws_guardduty', 'aws_healthimaging', 'aws_healthlake',
  'aws_iam', 'aws_identitystore', 'aws_imagebuilder', 'aws_inspector', 'aws_inspectorv2', 'aws_internetmonitor',
  'aws_iot', 'aws_iot1click', 'aws_iotanalytics', 'aws_iotcoredeviceadvisor', 'aws_iotevents', 'aws_iotfleethub',
  'aws_iotfleetwise', 'aws_iotsitewise', 'aws_iotthingsgraph', 'aws_iottwinmaker', 'aws_iotwireless', 'aws_ivs',
  'aws_ivschat', 'aws_kafkaconnect', 'aws_kendra', 'aws_kendraranking', 'aws_kinesis', 'aws_kinesisanalytics',
  'aws_kinesisanalyticsv2', 'aws_kinesisfirehose', 'aws_kinesisvideo', 'aws_kms', 'aws_lakeformation', 'aws_lambda',
  'aws_lambda_destinations', 'aws_lambda_event_sources', 'aws_lambda_nodejs', 'aws_lex', 'aws_licensemanager',
  'aws_lightsail', 'aws_location', 'aws_logs', 'aws_logs_destinations', 'aws_lookoutequipment', 'aws_lookoutmetrics',
  'aws_lookoutvision', 'aws_m2', 'aws_macie', 'aws_managedblockchain', 'aws_mediaconnect', 'aws_mediaconvert',
  'aws_medialive', 'aws_mediapackage', 'aws_mediapackagev2', 'aws_mediastore', 'aws_mediatailor', 'aws_memorydb',
  'aws_msk', 'aws_mwaa', 'aws_neptune', 'aws_networkfirewall', 'aws_networkmanager', 'aws_nimblestudio', 'aws_oam',
  'aws_omics', 'aws_opensearchserverless', 'aws_opensearchservice', 'aws_opsworks', 'aws_opsworkscm',
  'aws_organizations', 'aws_osis', 'aws_panorama', 'aws_pcaconnectorad', 'aws_personalize', 'aws_pinpoint',
  'aws_pinpointemail', 'aws_pipes', 'aws_proton', 'aws_qldb', 'aws_quicksight', 'aws_ram', 'aws_rds', 'aws_redshift',
  'aws_redshiftserverless', 'aws_refactorspaces', 'aws_rekognition', 'aws_resiliencehub', 'aws_resourceexplorer2',
  'aws_resourcegroups', 'aws_robomaker', 'aws_rolesanywhere', 'aws_route53', 'aws_route53_patterns',
  'aws_route53_targets', 'aws_route53recoverycontrol', 'aws_route53recoveryreadiness', 'aws_route53resolver',
  'aws_rum', 'aws_s3', 'aws_s3_assets', 'aws_s3_deployment', 'aws_s3_notifications', 'aws_s3express',
  'aws_s3objectlambda', 'aws_s3outposts', 'aws_sagemaker', 'aws_sam', 'aws_scheduler', 'aws_sdb',
  'aws_secretsmanager', 'aws_securityhub', 'aws_servicecatalog', 'aws_servicecatalogappregistry',
  'aws_servicediscovery', 'aws_ses', 'aws_ses_actions', 'aws_shield', 'aws_signer', 'aws_simspaceweaver', 'aws_sns',
  'aws_sns_subscriptions', 'aws_sqs', 'aws_ssm', 'aws_ssmcontacts', 'aws_ssmincidents', 'aws_sso', 'aws_stepfunctions',
  'aws_stepfunctions_tasks', 'aws_supportapp', 'aws_synthetics', 'aws_systemsmanagersap', 'aws_timestream',
  'aws_transfer', 'aws_verifiedpermissions', 'aws_voiceid', 'aws_vpclattice', 'aws_waf', 'aws_wafregional', 'aws_wafv2',
  'aws_wisdom', 'aws_workspaces', 'aws_workspacesthinclient', 'aws_workspacesweb', 'aws_xray', 'cloud_assembly_schema',
  'cloudformation_include', 'custom_resources', 'cx_api', 'lambda_layer_awscli', 'lambda_layer_kubectl',
  'lambda_layer_node_proxy_agent', 'pipelines', 'region_info', 'triggers',
]);

/**
 * Conventional aliases whose module is not simply `aws_<alias>` (those are derived from
 * CDK_MODULES: `ec2` -> aws_ec2, `cloudwatch_actions` -> aws_cloudwatch_actions).
 * `targets` is resolved by its members (events or route53); see TARGET_MEMBERS.
 */
export const CDK_ALIASES: Readonly<Record<string, string>> = {
  lambda_: 'aws_lambda',
  _lambda: 'aws_lambda',
  apigw: 'aws_apigateway',
  apigwv2: 'aws_apigatewayv2',
  apigwv2_integrations: 'aws_apigatewayv2_integrations',
  integrations: 'aws_apigatewayv2_integrations',
  authorizers: 'aws_apigatewayv2_authorizers',
  acm: 'aws_certificatemanager',
  certificatemanager: 'aws_certificatemanager',
  appscaling: 'aws_applicationautoscaling',
  cw: 'aws_cloudwatch',
  cw_actions: 'aws_cloudwatch_actions',
  cloudwatch_actions: 'aws_cloudwatch_actions',
  cpactions: 'aws_codepipeline_actions',
  codepipeline_actions: 'aws_codepipeline_actions',
  cr: 'custom_resources',
  ddb: 'aws_dynamodb',
  elb: 'aws_elasticloadbalancing',
  elbv2: 'aws_elasticloadbalancingv2',
  elbv2_actions: 'aws_elasticloadbalancingv2_actions',
  elbv2_targets: 'aws_elasticloadbalancingv2_targets',
  es: 'aws_elasticsearch',
  event_sources: 'aws_lambda_event_sources',
  eventsources: 'aws_lambda_event_sources',
  lambda_event_sources: 'aws_lambda_event_sources',
  firehose: 'aws_kinesisfirehose',
  opensearch: 'aws_opensearchservice',
  origins: 'aws_cloudfront_origins',
  s3n: 'aws_s3_notifications',
  s3_notifications: 'aws_s3_notifications',
  s3deploy: 'aws_s3_deployment',
  s3_deployment: 'aws_s3_deployment',
  s3_assets: 'aws_s3_assets',
  sd: 'aws_servicediscovery',
  sfn: 'aws_stepfunctions',
  stepfunctions: 'aws_stepfunctions',
  tasks: 'aws_stepfunctions_tasks',
  sfn_tasks: 'aws_stepfunctions_tasks',
  subs: 'aws_sns_subscriptions',
  sns_subs: 'aws_sns_subscriptions',
  subscriptions: 'aws_sns_subscriptions',
  sns_subscriptions: 'aws_sns_subscriptions',
  route53_targets: 'aws_route53_targets',
  r53_targets: 'aws_route53_targets',
  r53: 'aws_route53',
  ecr_assets: 'aws_ecr_assets',
  ecs_patterns: 'aws_ecs_patterns',
  pipelines: 'pipelines',
  triggers: 'triggers',
  assertions: 'assertions',
};

/** `targets.X`: aws_events_targets or aws_route53_targets, by X. `ApiGateway` is in both. */
export const TARGET_MEMBERS: Readonly<Record<'aws_events_targets' | 'aws_route53_targets', ReadonlySet<string>>> = {
  aws_events_targets: new Set([
    'ApiDestination', 'AwsApi', 'BatchJob', 'CloudWatchLogGroup', 'CodeBuildProject', 'CodePipeline', 'EcsTask',
    'EventBus', 'KinesisFirehoseStream', 'KinesisFirehoseStreamV2', 'KinesisStream', 'LambdaFunction', 'SfnStateMachine',
    'SnsTopic', 'SqsQueue', 'RedshiftQuery', 'EcsTaskProps', 'ContainerOverride', 'TargetBaseProps', 'LogGroupTargetInput',
  ]),
  aws_route53_targets: new Set([
    'ApiGatewayDomain', 'ApiGatewayv2DomainProperties', 'AppSyncTarget', 'BucketWebsiteTarget', 'ClassicLoadBalancerTarget',
    'CloudFrontTarget', 'ElasticBeanstalkEnvironmentEndpointTarget', 'GlobalAcceleratorDomainTarget',
    'GlobalAcceleratorTarget', 'InterfaceVpcEndpointTarget', 'LoadBalancerTarget', 'Route53RecordTarget',
    'UserPoolDomainTarget',
  ]),
};

/** Names `from aws_cdk import ...` gives (the core module). */
export const CDK_CORE: ReadonlySet<string> = new Set([
  'Annotations', 'App', 'AppProps', 'Arn', 'ArnComponents', 'ArnFormat', 'AssetHashType', 'AssetStaging', 'Aspects', 'Aws',
  'BootstraplessSynthesizer', 'BundlingOptions', 'BundlingOutput', 'CfnCondition', 'CfnDeletionPolicy',
  'CfnElement', 'CfnJson', 'CfnMapping', 'CfnOutput', 'CfnParameter', 'CfnResource', 'CfnRule', 'CfnTag',
  'CliCredentialsStackSynthesizer', 'CustomResource', 'CustomResourceProvider', 'CustomResourceProviderRuntime',
  'DefaultStackSynthesizer', 'DockerImage', 'Duration', 'Environment', 'Expiration', 'FeatureFlags', 'Fn', 'IAspect',
  'IResource', 'IStackSynthesizer', 'Lazy', 'LegacyStackSynthesizer', 'Names', 'NestedStack',
  'NestedStackProps', 'PermissionsBoundary', 'PhysicalName', 'Reference', 'RemovalPolicy', 'RemovalPolicyOptions',
  'Resource', 'ResourceProps', 'ScopedAws', 'SecretValue', 'Size', 'Stack', 'StackProps', 'Stage', 'StageProps', 'Tag',
  'TagManager', 'TagType', 'Tags', 'TimeZone', 'Token', 'Tokenization',
]);

/** Names `from cdktf import ...` gives. */
export const CDKTF_CORE: ReadonlySet<string> = new Set([
  'App', 'AssetType', 'CloudBackend', 'Fn', 'LocalBackend', 'NamedCloudWorkspace', 'RemoteBackend', 'S3Backend',
  'TerraformAsset', 'TerraformHclModule', 'TerraformIterator', 'TerraformLocal', 'TerraformOutput', 'TerraformResource',
  'TerraformStack', 'TerraformVariable', 'Token',
]);

/** pulumi_aws submodules. `config` is left out: a bare `config` is a forgotten `pulumi.Config()`. */
export const PULUMI_AWS_MODULES: ReadonlySet<string> = new Set([
  'accessanalyzer', 'account', 'acm', 'acmpca', 'alb', 'amp', 'amplify', 'apigateway', 'apigatewayv2', 'appautoscaling',
  'appconfig', 'appflow', 'appintegrations', 'applicationinsights', 'appmesh', 'apprunner', 'appstream', 'appsync',
  'athena', 'auditmanager', 'autoscaling', 'autoscalingplans', 'backup', 'batch', 'bedrock', 'bedrockfoundation',
  'budgets', 'cfg', 'chatbot', 'chime', 'cleanrooms', 'cloud9', 'cloudcontrol', 'cloudformation', 'cloudfront',
  'cloudhsmv2', 'cloudsearch', 'cloudtrail', 'cloudwatch', 'codeartifact', 'codebuild', 'codecatalyst', 'codecommit',
  'codedeploy', 'codeguruprofiler', 'codegurureviewer', 'codepipeline', 'codestarconnections',
  'codestarnotifications', 'cognito', 'comprehend', 'connect', 'controltower', 'costexplorer', 'cur',
  'customerprofiles', 'dataexchange', 'datapipeline', 'datasync', 'datazone', 'dax', 'detective', 'devicefarm',
  'devopsguru', 'directconnect', 'directoryservice', 'dlm', 'dms', 'docdb', 'drs', 'dynamodb', 'ebs', 'ec2',
  'ec2clientvpn', 'ec2transitgateway', 'ecr', 'ecrpublic', 'ecs', 'efs', 'eks', 'elasticache', 'elasticbeanstalk',
  'elasticsearch', 'elastictranscoder', 'elb', 'emr', 'emrcontainers', 'emrserverless', 'evidently', 'finspace', 'fis',
  'fms', 'fsx', 'gamelift', 'glacier', 'globalaccelerator', 'glue', 'grafana', 'guardduty', 'iam', 'identitystore',
  'imagebuilder', 'inspector', 'inspector2', 'iot', 'ivs', 'ivschat', 'kendra', 'keyspaces', 'kinesis',
  'kinesisanalyticsv2', 'kms', 'lakeformation', 'lambda_', 'lb', 'lex', 'licensemanager', 'lightsail', 'location',
  'm2', 'macie', 'macie2', 'mediaconvert', 'medialive', 'mediapackage', 'mediastore', 'memorydb', 'mq', 'msk',
  'mskconnect', 'mwaa', 'neptune', 'networkfirewall', 'networkmanager', 'oam', 'opensearch', 'opensearchingest',
  'opsworks', 'organizations', 'outposts', 'pinpoint', 'pipes', 'pricing', 'qldb', 'quicksight', 'ram', 'rbin', 'rds',
  'redshift', 'redshiftdata', 'redshiftserverless', 'rekognition', 'resourceexplorer', 'resourcegroups',
  'resourcegroupstaggingapi', 'rolesanywhere', 'route53', 'route53domains', 'route53recoverycontrol',
  'route53recoveryreadiness', 'rum', 's3', 's3control', 's3outposts', 'sagemaker', 'scheduler', 'schemas',
  'secretsmanager', 'securityhub', 'securitylake', 'serverlessrepository', 'servicecatalog', 'servicediscovery',
  'servicequotas', 'ses', 'sesv2', 'sfn', 'shield', 'signer', 'simpledb', 'sns', 'sqs', 'ssm', 'ssmcontacts',
  'ssmincidents', 'ssoadmin', 'storagegateway', 'swf', 'synthetics', 'timestreamwrite', 'transcribe', 'transfer',
  'verifiedaccess', 'verifiedpermissions', 'vpc', 'vpclattice', 'waf', 'wafregional', 'wafv2', 'workspaces', 'xray',
]);

/** Top-level pulumi_aws names (functions and the provider). */
export const PULUMI_AWS_TOP: ReadonlySet<string> = new Set([
  'Provider', 'ProviderArgs', 'get_ami', 'get_ami_ids', 'get_arn', 'get_availability_zone', 'get_availability_zones',
  'get_billing_service_account', 'get_caller_identity', 'get_canonical_user_id', 'get_default_tags', 'get_ip_ranges',
  'get_partition', 'get_prefix_list', 'get_region', 'get_regions', 'get_service', 'Region',
]);

/** Names `from pulumi import ...` gives. */
export const PULUMI_CORE: ReadonlySet<string> = new Set([
  'Alias', 'Archive', 'Asset', 'AssetArchive', 'ComponentResource', 'Config', 'CustomResource', 'CustomTimeouts',
  'FileArchive', 'FileAsset', 'Input', 'InvokeOptions', 'Output', 'RemoteArchive', 'RemoteAsset', 'Resource',
  'ResourceOptions', 'ResourceTransformationArgs', 'ResourceTransformationResult', 'StackReference', 'StringAsset',
  'export', 'get_organization', 'get_project', 'get_stack', 'runtime',
]);

/** `logs.<X>` (what code written for CDK or boto3 reaches for) -> its `pulumi_aws.cloudwatch` name. */
export const PULUMI_LOGS: Readonly<Record<string, string>> = (() => {
  const base: Record<string, string> = {
    LogGroup: 'LogGroup',
    MetricFilter: 'LogMetricFilter',
    LogMetricFilter: 'LogMetricFilter',
    SubscriptionFilter: 'LogSubscriptionFilter',
    LogSubscriptionFilter: 'LogSubscriptionFilter',
    Destination: 'LogDestination',
    LogDestination: 'LogDestination',
    DestinationPolicy: 'LogDestinationPolicy',
    LogDestinationPolicy: 'LogDestinationPolicy',
    ResourcePolicy: 'LogResourcePolicy',
    LogResourcePolicy: 'LogResourcePolicy',
    LogStream: 'LogStream',
    Stream: 'LogStream',
    QueryDefinition: 'QueryDefinition',
    DataProtectionPolicy: 'LogDataProtectionPolicy',
    LogDataProtectionPolicy: 'LogDataProtectionPolicy',
    AccountPolicy: 'LogAccountPolicy',
    LogAccountPolicy: 'LogAccountPolicy',
  };
  const out: Record<string, string> = { ...base };
  // Every resource has its `<Name>Args` input class.
  for (const [k, v] of Object.entries(base)) out[`${k}Args`] = `${v}Args`;
  out.MetricFilterMetricTransformationArgs = 'LogMetricFilterMetricTransformationArgs';
  out.LogMetricFilterMetricTransformationArgs = 'LogMetricFilterMetricTransformationArgs';
  out.get_log_group = 'get_log_group';
  out.get_log_groups = 'get_log_groups';
  return out;
})();

/** EventBridge resources in `pulumi_aws.cloudwatch` (pulumi-aws v6 `cloudwatch/event_*.py`). */
const PULUMI_EVENT_RESOURCES = ['EventRule', 'EventTarget', 'EventBus', 'EventBusPolicy', 'EventArchive', 'EventConnection', 'EventApiDestination', 'EventPermission', 'EventEndpoint'];

/** `events.<X>` / `eventbridge.<X>` -> its `pulumi_aws.cloudwatch` name: `Rule` -> `EventRule`, `EventTargetRetryPolicyArgs` as is. */
function pulumiEvent(member: string): string | undefined {
  if (/^get_event_(?:bus|buses|connection|source)$/.test(member)) return member;
  for (const name of [member, `Event${member}`]) {
    // The longest resource the name starts with, followed by nothing, `Args` or a nested `...Args` type.
    const base = PULUMI_EVENT_RESOURCES.filter((r) => name.startsWith(r)).sort((a, b) => b.length - a.length)[0];
    if (base && (name === base || name.endsWith('Args'))) return name;
  }
  return undefined;
}

/**
 * pulumi_aws modules that do not exist, whose resources live in `pulumi_aws.cloudwatch` under
 * known names (the mistake in `from pulumi_aws import logs`, `aws.events.Rule`, ...).
 */
export const PULUMI_MOVED: Readonly<Record<string, { what: string; member: (m: string) => string | undefined }>> = {
  logs: { what: 'CloudWatch Logs', member: (m) => PULUMI_LOGS[m] },
  events: { what: 'EventBridge', member: pulumiEvent },
  eventbridge: { what: 'EventBridge', member: pulumiEvent },
};

/** Standard-library modules imported as `import <name>`. (`datetime` is decided by use.) */
export const STDLIB_MODULES: ReadonlySet<string> = new Set([
  'abc', 'argparse', 'ast', 'asyncio', 'base64', 'binascii', 'bisect', 'calendar', 'collections', 'configparser',
  'contextlib', 'copy', 'csv', 'dataclasses', 'decimal', 'difflib', 'enum', 'errno', 'fnmatch', 'fractions',
  'functools', 'getpass', 'glob', 'gzip', 'hashlib', 'heapq', 'hmac', 'html', 'inspect', 'io', 'ipaddress',
  'itertools', 'json', 'keyword', 'locale', 'logging', 'math', 'mimetypes', 'operator', 'os', 'pathlib', 'pickle',
  'platform', 'pprint', 'queue', 'random', 're', 'shlex', 'shutil', 'signal', 'socket', 'sqlite3', 'stat',
  'statistics', 'string', 'struct', 'subprocess', 'sys', 'tarfile', 'tempfile', 'textwrap', 'threading', 'time',
  'traceback', 'types', 'typing', 'unicodedata', 'uuid', 'warnings', 'weakref', 'zipfile', 'zlib', 'zoneinfo',
]);

/** Standard-library members imported as `from <module> import <name>`. */
export const STDLIB_MEMBERS: Readonly<Record<string, string>> = {
  Path: 'pathlib',
  PurePath: 'pathlib',
  PurePosixPath: 'pathlib',
  dataclass: 'dataclasses',
  asdict: 'dataclasses',
  Enum: 'enum',
  IntEnum: 'enum',
  Flag: 'enum',
  timedelta: 'datetime',
  timezone: 'datetime',
  defaultdict: 'collections',
  OrderedDict: 'collections',
  namedtuple: 'collections',
  Counter: 'collections',
  deque: 'collections',
  partial: 'functools',
  reduce: 'functools',
  wraps: 'functools',
  lru_cache: 'functools',
  cached_property: 'functools',
  ABC: 'abc',
  abstractmethod: 'abc',
  contextmanager: 'contextlib',
  Decimal: 'decimal',
  uuid4: 'uuid',
  ZoneInfo: 'zoneinfo',
  ...Object.fromEntries(
    [
      'Any', 'Annotated', 'Awaitable', 'Callable', 'ClassVar', 'Coroutine', 'Dict', 'Final', 'FrozenSet', 'Generator',
      'Generic', 'Iterable', 'Iterator', 'List', 'Literal', 'Mapping', 'MutableMapping', 'NamedTuple', 'NoReturn',
      'Optional', 'Protocol', 'Sequence', 'Set', 'TYPE_CHECKING', 'Tuple', 'Type', 'TypedDict', 'TypeVar', 'Union', 'cast',
      'overload',
    ].map((n) => [n, 'typing']),
  ),
};

/** Names that need a newer Python than many IaC projects run, with what to write instead. */
export const NEEDS_NEWER_PYTHON: Readonly<Record<string, string>> = {
  UTC: '`from datetime import UTC` needs Python 3.11+; on older versions use `timezone.utc` (`from datetime import timezone`)',
  StrEnum: '`from enum import StrEnum` needs Python 3.11+; on older versions subclass `(str, Enum)`',
  Self: '`from typing import Self` needs Python 3.11+; on older versions use a string annotation of the class name or `typing_extensions.Self`',
};
