// The CDK deprecations this codemod fixes: one row per deprecated property whose synth warning
// (`aws-cdk-lib.<module>.<PropsType>#<property> is deprecated. Use <replacement> instead`) names
// a replacement that takes the same information. A row says which props interfaces declare the
// property, which construct classes take those props, and how the old value becomes the new one.
// Facts from the aws-cdk-lib API reference (https://docs.aws.amazon.com/cdk/api/v2/), checked
// against aws-cdk-lib 2.180: the replacement and the deprecated property sit side by side there.

/** How the deprecated property's value becomes the replacement's value. */
export type ValueShape =
  /** The value carries over as is (`autoDeleteImages: x` -> `emptyOnDelete: x`). */
  | { kind: 'same' }
  /**
   * The value moves into a struct: TypeScript `{ <key>: V }`, Python `<module>.<struct>(<key_snake>=V)`
   * (`pointInTimeRecovery: V` -> `pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: V }`).
   */
  | { kind: 'struct'; key: string; struct: string }
  /**
   * A boolean literal becomes an enum member (`containerInsights: true` ->
   * `containerInsightsV2: ecs.ContainerInsights.ENABLED`). Anything but a literal is refused:
   * which member a computed value wants is the user's call.
   */
  | { kind: 'boolean-enum'; enum: string; whenTrue: string; whenFalse: string }
  /** The value becomes the argument of a static factory (`cidr: V` -> `ipAddresses: ec2.IpAddresses.cidr(V)`). */
  | { kind: 'factory'; class: string; method: string }
  /**
   * The value becomes a prop of a new construct of another module, created in the same scope as
   * the construct being fixed, with that construct's id plus a suffix (`logRetention: R` ->
   * `logGroup: new logs.LogGroup(this, 'HandlerLogGroup', { retention: R })`). Refused when the
   * scope is not a plain name (`this`, `self`, `stack`) or the id is not a string literal.
   */
  | { kind: 'construct'; module: string; class: string; key: string; idSuffix: string; alias: string };

export interface Deprecation {
  /** aws-cdk-lib submodule, as jsii names it (`aws_ecr`). */
  module: string;
  /** Props interfaces that declare the property; the first is the one the warning names. */
  propsTypes: string[];
  /** Construct classes whose third constructor argument is one of those props. */
  classes: string[];
  /** Subclasses in other modules whose props extend these (`aws_lambda_nodejs.NodejsFunction`). */
  alsoIn?: { module: string; propsTypes: string[]; classes: string[] }[];
  property: string;
  replacement: string;
  value: ValueShape;
  /**
   * The aws-cdk-lib declaration file (under the package root) that declares the replacement:
   * when the project has aws-cdk-lib installed and that file lacks it, the fix is refused
   * rather than written against an API the project's CDK does not have.
   */
  declaredIn: string;
}

export const DEPRECATIONS: readonly Deprecation[] = [
  {
    module: 'aws_ecr',
    propsTypes: ['RepositoryProps'],
    classes: ['Repository'],
    property: 'autoDeleteImages',
    replacement: 'emptyOnDelete',
    value: { kind: 'same' },
    declaredIn: 'aws-ecr/lib/repository.d.ts',
  },
  {
    // `TableProps extends TableOptions`; the warning names TableOptions.
    module: 'aws_dynamodb',
    propsTypes: ['TableOptions', 'TableProps'],
    classes: ['Table'],
    property: 'pointInTimeRecovery',
    replacement: 'pointInTimeRecoverySpecification',
    value: { kind: 'struct', key: 'pointInTimeRecoveryEnabled', struct: 'PointInTimeRecoverySpecification' },
    declaredIn: 'aws-dynamodb/lib/table.d.ts',
  },
  {
    // `TablePropsV2 extends TableOptionsV2`; TableV2 carries the same pair of properties.
    module: 'aws_dynamodb',
    propsTypes: ['TableOptionsV2', 'TablePropsV2'],
    classes: ['TableV2'],
    property: 'pointInTimeRecovery',
    replacement: 'pointInTimeRecoverySpecification',
    value: { kind: 'struct', key: 'pointInTimeRecoveryEnabled', struct: 'PointInTimeRecoverySpecification' },
    declaredIn: 'aws-dynamodb/lib/table-v2.d.ts',
  },
  {
    module: 'aws_ecs',
    propsTypes: ['ClusterProps'],
    classes: ['Cluster'],
    property: 'containerInsights',
    replacement: 'containerInsightsV2',
    value: { kind: 'boolean-enum', enum: 'ContainerInsights', whenTrue: 'ENABLED', whenFalse: 'DISABLED' },
    declaredIn: 'aws-ecs/lib/cluster.d.ts',
  },
  {
    module: 'aws_ec2',
    propsTypes: ['VpcProps'],
    classes: ['Vpc'],
    property: 'cidr',
    replacement: 'ipAddresses',
    value: { kind: 'factory', class: 'IpAddresses', method: 'cidr' },
    declaredIn: 'aws-ec2/lib/vpc.d.ts',
  },
  {
    // FunctionProps, DockerImageFunctionProps, SingletonFunctionProps and NodejsFunctionProps all
    // extend FunctionOptions; the warning always names FunctionOptions.
    module: 'aws_lambda',
    propsTypes: ['FunctionOptions', 'FunctionProps', 'DockerImageFunctionProps', 'SingletonFunctionProps'],
    classes: ['Function', 'DockerImageFunction', 'SingletonFunction'],
    alsoIn: [{ module: 'aws_lambda_nodejs', propsTypes: ['NodejsFunctionProps'], classes: ['NodejsFunction'] }],
    property: 'logRetention',
    replacement: 'logGroup',
    value: { kind: 'construct', module: 'aws_logs', class: 'LogGroup', key: 'retention', idSuffix: 'LogGroup', alias: 'logs' },
    declaredIn: 'aws-lambda/lib/function.d.ts',
  },
];

/** The construct classes a row fixes, by module (its own first, then subclasses elsewhere). */
export function targetsOf(row: Deprecation): { module: string; propsTypes: string[]; classes: string[] }[] {
  return [{ module: row.module, propsTypes: row.propsTypes, classes: row.classes }, ...(row.alsoIn ?? [])];
}

/** autoDeleteImages -> auto_delete_images (CDK's Python names for props). */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/([A-Z])([A-Z][a-z])/g, '$1_$2').toLowerCase();
}

/** auto_delete_images -> autoDeleteImages. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** `aws-cdk-lib.aws_ecr` / `aws-ecr` / `aws_ecr` -> `aws_ecr`. */
export function normaliseModule(module: string): string {
  return module.trim().replace(/^aws-cdk-lib[./]/, '').replace(/-/g, '_');
}

/**
 * The row for a warning's captures. The property may come in either spelling (some Python
 * tooling prints snake_case); the props type may be omitted when the property is unambiguous.
 * With no row, a warning that names its replacement is still a plain rename on the class the
 * props type names (`FooProps` -> `Foo`), as long as module and props type are known.
 */
export function deprecationFor(captures: { module?: string; propsType?: string; property?: string; replacement?: string }): Deprecation | undefined {
  const property = camelCase((captures.property ?? '').trim());
  const propsType = (captures.propsType ?? '').trim();
  const module = normaliseModule(captures.module ?? '');
  if (!property) return undefined;
  const rows = DEPRECATIONS.filter((d) => d.property === property && (!module || d.module === module) && (!propsType || d.propsTypes.includes(propsType)));
  if (rows.length === 1) return rows[0];
  if (rows.length > 1) return undefined;
  const replacement = camelCase((captures.replacement ?? '').trim());
  if (!replacement || !/^[A-Z]\w*Props$/.test(propsType) || !/^\w+$/.test(module)) return undefined;
  return { module, propsTypes: [propsType], classes: [propsType.replace(/Props$/, '')], property, replacement, value: { kind: 'same' }, declaredIn: '' };
}

/**
 * Deprecated static methods whose warning names per-generation replacements
 * (`MachineImage#latestAmazonLinux is deprecated. use MachineImage.latestAmazonLinux2 instead`).
 * The old method's `generation` prop picks the new method; the props each new method takes are
 * listed, and a call passing anything else (a kernel enum of the old type, a computed props
 * object) is refused.
 */
export interface MethodDeprecation {
  module: string;
  class: string;
  method: string;
  /** The prop that picks the replacement; dropped from the call. */
  selector: string;
  /** Enum class of the selector's values. */
  selectorEnum: string;
  /** selector member -> replacement method; the entry under '' is for a call without the selector. */
  replacements: Record<string, { method: string; props: string[] }>;
}

// aws-cdk-lib API reference: MachineImage.latestAmazonLinux2(props?: AmazonLinux2ImageSsmParameterProps),
// latestAmazonLinux2023(props?: AmazonLinux2023ImageSsmParameterProps). `kernel` changes type
// (AmazonLinux2Kernel, AmazonLinux2023Kernel), so it does not carry over.
const AL2 = { method: 'latestAmazonLinux2', props: ['edition', 'virtualization', 'storage', 'cpuType', 'cachedInContext', 'userData'] };
const AL2023 = { method: 'latestAmazonLinux2023', props: ['edition', 'cpuType', 'cachedInContext', 'userData'] };

export const METHOD_DEPRECATIONS: readonly MethodDeprecation[] = [
  {
    module: 'aws_ec2',
    class: 'MachineImage',
    method: 'latestAmazonLinux',
    selector: 'generation',
    selectorEnum: 'AmazonLinuxGeneration',
    // No generation: the old default is Amazon Linux 1, gone from the replacement methods; the
    // warning names latestAmazonLinux2, the closest successor.
    replacements: { '': AL2, AMAZON_LINUX: AL2, AMAZON_LINUX_2: AL2, AMAZON_LINUX_2023: AL2023 },
  },
];

export function methodDeprecationFor(captures: { type?: string; property?: string }): MethodDeprecation | undefined {
  const method = camelCase((captures.property ?? '').trim());
  const cls = (captures.type ?? '').trim();
  return METHOD_DEPRECATIONS.find((d) => d.method === method && (!cls || d.class === cls));
}
