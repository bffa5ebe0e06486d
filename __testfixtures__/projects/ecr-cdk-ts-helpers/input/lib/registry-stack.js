"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RegistryStack = void 0;
const cdk = require("aws-cdk-lib");
const ecr = require("aws-cdk-lib/aws-ecr");
/** Container registries for the build platform. */
class RegistryStack extends cdk.Stack {
    constructor(scope, id, props) {
        super(scope, id, props);
        this.repositories = [];
        const suffix = props.environmentSuffix;
        const ephemeral = suffix !== 'prod';
        this.repositories.push(this.serviceRepository('api', suffix, ephemeral));
        this.repositories.push(this.serviceRepository('worker', suffix, ephemeral));
        // Build cache images: always disposable.
        const cache = new ecr.Repository(this, `BuildCache-${suffix}`, {
            repositoryName: `build-cache-${suffix}`,
            removalPolicy: cdk.RemovalPolicy.DESTROY,
            autoDeleteImages: true, // cleaned up with the stack
            lifecycleRules: [{ maxImageAge: cdk.Duration.days(14) }],
        });
        this.repositories.push(cache);
        // Base images are shared across environments and never deleted.
        new ecr.Repository(this, 'BaseImages', {
            repositoryName: 'base-images',
            imageScanOnPush: true,
            removalPolicy: cdk.RemovalPolicy.RETAIN,
        });
    }
    serviceRepository(service, suffix, ephemeral) {
        return new ecr.Repository(this, `${service}-repository-${suffix}`, {
            repositoryName: `${service}-${suffix}`,
            imageTagMutability: ecr.TagMutability.IMMUTABLE,
            removalPolicy: ephemeral ? cdk.RemovalPolicy.DESTROY : cdk.RemovalPolicy.RETAIN,
            autoDeleteImages: ephemeral,
        });
    }
}
exports.RegistryStack = RegistryStack;
